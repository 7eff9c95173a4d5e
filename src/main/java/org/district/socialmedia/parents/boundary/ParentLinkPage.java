package org.district.socialmedia.parents.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.district.socialmedia.parents.entity.ParentTexts;
import org.district.socialmedia.parents.entity.TooManyAttemptsException;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.io.Serializable;

/**
 * The public page where a parent asks for a new link. Its answer is the same whether or not the address is
 * on file, so it never tells who is a parent at the District.
 */
@Named
@ViewScoped
public class ParentLinkPage implements Serializable {

    @Inject
    ParentPortal portal;

    private String lang;
    private ParentTexts texts = ParentTexts.of(ParentTexts.DEFAULT);
    private String email;
    private String error;
    private boolean sent;
    private boolean limited;

    public void load() {
        texts = ParentTexts.of(ParentRequestContext.locale(lang));
    }

    public void send() {
        error = null;
        try {
            portal.requestLink(email, ParentRequestContext.ip(), texts.locale());
            sent = true;
        } catch (InvalidInputException e) {
            error = e.getFieldErrors().values().stream().findFirst().orElse(texts.get("link.invalidEmail"));
        } catch (TooManyAttemptsException e) {
            limited = true;
        }
    }

    public String getSentText() {
        return texts.get("link.sent", portal.linkDays());
    }

    public ParentTexts getTexts() { return texts; }
    public String getLang() { return lang; }
    public void setLang(String lang) { this.lang = lang; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getError() { return error; }
    public boolean isSent() { return sent; }
    public boolean isLimited() { return limited; }
}
