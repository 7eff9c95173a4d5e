package org.district.socialmedia.parents.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.consent.entity.ConsentItem;
import org.district.socialmedia.parents.entity.LinkState;
import org.district.socialmedia.parents.entity.LinkStateException;
import org.district.socialmedia.parents.entity.ParentTexts;
import org.district.socialmedia.parents.entity.TooManyAttemptsException;
import org.district.socialmedia.platform.entity.InvalidInputException;
import org.district.socialmedia.platform.entity.StateConflictException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parent's consent page, reached by their personal link (?t=): the form to sign, or once signed, what they
 * agreed to and the revocation. Everything in the language chosen (?lang=) or the browser's.
 */
@Named
@ViewScoped
public class ParentConsentPage implements Serializable {

    @Inject
    ParentPortal portal;

    private String token;
    private String lang;
    private ParentTexts texts = ParentTexts.of(ParentTexts.DEFAULT);
    private ParentPortal.Visit visit;
    private boolean limited;
    private final Map<String, String> choices = new LinkedHashMap<>();
    private String typedName;
    private boolean intent;
    private boolean relationship;
    private List<String> revokeItems = new ArrayList<>();
    private Map<String, String> errors = new LinkedHashMap<>();
    private String notice;

    /** After the view parameters (f:viewAction). */
    public void load() {
        texts = ParentTexts.of(ParentRequestContext.locale(lang));
        try {
            visit = portal.open(token, ParentRequestContext.ip(), texts.locale());
        } catch (TooManyAttemptsException e) {
            limited = true;
        }
    }

    public void sign() {
        errors = new LinkedHashMap<>();
        Map<ConsentItem, Boolean> answer = new EnumMap<>(ConsentItem.class);
        choices.forEach((item, choice) -> {
            if ("yes".equals(choice) || "no".equals(choice)) {
                answer.put(ConsentItem.valueOf(item), "yes".equals(choice));
            }
        });
        try {
            visit = portal.sign(token, new ParentPortal.Answer(answer, typedName, intent, relationship, visit.textSha256()),
                    ParentRequestContext.ip(), ParentRequestContext.userAgent(), texts.locale());
            notice = texts.get("signed.thanks", visit.signedAt());
        } catch (InvalidInputException e) {
            errors = new LinkedHashMap<>(e.getFieldErrors());
        } catch (LinkStateException e) {
            reload();
        } catch (TooManyAttemptsException e) {
            limited = true;
        }
    }

    public void revoke() {
        errors = new LinkedHashMap<>();
        Set<ConsentItem> items = EnumSet.noneOf(ConsentItem.class);
        revokeItems.forEach(i -> items.add(ConsentItem.valueOf(i)));
        try {
            visit = portal.revoke(token, items, ParentRequestContext.ip(), texts.locale());
            notice = texts.get("revoke.done");
            revokeItems = new ArrayList<>();
        } catch (InvalidInputException e) {
            errors = new LinkedHashMap<>(e.getFieldErrors());
        } catch (LinkStateException e) {
            reload();
        } catch (TooManyAttemptsException e) {
            limited = true;
        } catch (StateConflictException e) {
            errors = new LinkedHashMap<>(Map.of("items", texts.get("revoke.nothing")));
        }
    }

    private void reload() {
        try {
            visit = portal.open(token, ParentRequestContext.ip(), texts.locale());
        } catch (TooManyAttemptsException e) {
            limited = true;
        }
    }

    public List<ConsentItem> getItems() {
        return List.of(ConsentItem.values());
    }

    public List<ConsentItem> getItemsInForce() {
        return visit == null || visit.form() == null ? List.of() : visit.form().itemsInForce().stream().sorted().toList();
    }

    public String itemList(Set<ConsentItem> items) {
        return items == null || items.isEmpty() ? texts.get("signed.none") : texts.items(items);
    }

    public boolean isOpen() { return !limited && visit != null && visit.state() == LinkState.OPEN; }
    public boolean isAnswered() { return !limited && visit != null && visit.state() == LinkState.ANSWERED; }
    public boolean isExpired() { return !limited && visit != null && visit.state() == LinkState.EXPIRED; }
    public boolean isUnknown() { return !limited && (visit == null || visit.isUnknown()); }
    public boolean isLimited() { return limited; }

    public String error(String field) { return errors.get(field); }
    public boolean hasError(String field) { return errors.containsKey(field); }
    public List<Map.Entry<String, String>> getErrorList() { return new ArrayList<>(errors.entrySet()); }

    public ParentTexts getTexts() { return texts; }
    public ParentPortal.Visit getVisit() { return visit; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getLang() { return lang; }
    public void setLang(String lang) { this.lang = lang; }
    public Map<String, String> getChoices() { return choices; }
    public String getTypedName() { return typedName; }
    public void setTypedName(String typedName) { this.typedName = typedName; }
    public boolean isIntent() { return intent; }
    public void setIntent(boolean intent) { this.intent = intent; }
    public boolean isRelationship() { return relationship; }
    public void setRelationship(boolean relationship) { this.relationship = relationship; }
    public List<String> getRevokeItems() { return revokeItems; }
    public void setRevokeItems(List<String> revokeItems) { this.revokeItems = revokeItems; }
    public String getNotice() { return notice; }
}
