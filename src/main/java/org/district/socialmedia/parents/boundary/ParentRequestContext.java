package org.district.socialmedia.parents.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.district.socialmedia.parents.entity.ParentTexts;

import java.util.Locale;

/** What the parents' pages take from the HTTP request: the caller's address, browser and preferred language. */
final class ParentRequestContext {

    private ParentRequestContext() {
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    static String ip() {
        return request().getRemoteAddr();
    }

    static String userAgent() {
        return request().getHeader("User-Agent");
    }

    /** The language chosen on the page, else the browser's Accept-Language, else English. */
    static Locale locale(String chosen) {
        return ParentTexts.choose(chosen, request().getHeader("Accept-Language"));
    }
}
