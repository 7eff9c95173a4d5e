package org.district.socialmedia.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.district.socialmedia.platform.entity.InvalidInputException;

import java.util.Map;

/** Puts service errors beside the fields they concern (component ids named after the fields). */
public final class Messages {

    private Messages() {
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
            String clientId = formId + ":" + error.getKey();
            boolean exists = faces.getViewRoot().findComponent(":" + clientId) != null;
            faces.addMessage(exists ? clientId : null, new FacesMessage(FacesMessage.SEVERITY_ERROR, error.getValue(), null));
        }
        faces.validationFailed();
    }
}
