package org.district.socialmedia.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.util.Map;

/** Puts service errors beside the fields they concern (component ids named after the fields). */
public final class Messages {

    private Messages() {
    }

    /** "lines[1].account" shown on its own reads "Platform 2: ..." so the person knows which line. */
    static String prefix(String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^lines\\[(\\d+)]").matcher(key);
        return m.find() ? "Platform " + (Integer.parseInt(m.group(1)) + 1) + ": " : "";
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Each field error goes to the component "formId:field" when it exists, else to the page. */
    public static void fieldErrors(String formId, InvalidInputException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Map.Entry<String, String> error : e.getFieldErrors().entrySet()) {
            // "lines[1].objectives" is the component "form:lines:1:objectives" inside a ui:repeat id="lines"
            String clientId = formId + ":" + error.getKey().replaceAll("\\[(\\d+)]\\.?", ":$1:").replaceAll(":$", "");
            // invokeOnComponent understands row indexes inside ui:repeat, findComponent does not
            boolean[] found = {false};
            try {
                faces.getViewRoot().invokeOnComponent(faces, clientId, (context, component) -> found[0] = true);
            } catch (RuntimeException notAComponentId) {
                found[0] = false;
            }
            boolean exists = found[0];
            String text = exists ? error.getValue() : prefix(error.getKey()) + error.getValue();
            faces.addMessage(exists ? clientId : null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        faces.validationFailed();
    }
}
