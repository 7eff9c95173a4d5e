package org.district.socialmedia.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems of a refused form, for the summary at the top of the form
 * (WEB-INF/templates/error-summary.xhtml): one link per field message to its field, so that a person
 * who lands on the summary (portal.js moves focus there) can reach each field, and a screen reader
 * reads them all at once. Messages without a field stay in the page's general messages.
 */
@Named
@RequestScoped
public class ErrorSummary {

    /** One field's problem: the client id of its field and the text. */
    public record Item(String target, String text) {
        public String href() {
            return "#" + target;
        }
    }

    private static final Pattern LINE = Pattern.compile(":lines:(\\d+):");

    /**
     * Every field problem of the page, as it stands now: not kept, since the form's "rendered" test
     * also runs in the phases before the action adds its messages.
     */
    public List<Item> getItems() {
        return collect(FacesContext.getCurrentInstance());
    }

    /** The problems of one form's fields (a page may hold several forms, each with its own summary). */
    public List<Item> itemsOf(String formId) {
        return getItems().stream().filter(item -> item.target().startsWith(formId + ":")).toList();
    }

    public String heading(int count) {
        return count == 1 ? "There is a problem: correct the field below and send the form again"
                : "There are " + count + " problems: correct the fields below and send the form again";
    }

    private static List<Item> collect(FacesContext faces) {
        List<Item> found = new ArrayList<>();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId == null) {
                continue;
            }
            for (FacesMessage message : faces.getMessageList(clientId)) {
                if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
                    found.add(new Item(clientId, lineOf(clientId) + message.getSummary()));
                }
            }
        }
        return found;
    }

    /** "form:lines:1:objectives" belongs to the second platform (or line) of the form: say so in the summary. */
    static String lineOf(String clientId) {
        Matcher m = LINE.matcher(clientId);
        return m.find() ? "Platform " + (Integer.parseInt(m.group(1)) + 1) + ": " : "";
    }
}
