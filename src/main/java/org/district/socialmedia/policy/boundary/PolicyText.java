package org.district.socialmedia.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The board policy's version in force, for the footer and the request form (read once per request). */
@Named
@RequestScoped
public class PolicyText {

    /** Version 1 of the board policy (migration V44): the label requests recorded before versions were published. */
    public static final String VERSION = "Adopted May 11, 2023";

    @Inject
    PolicyLibrary library;

    private String version;

    public String getVersion() {
        if (version == null) {
            try {
                version = library.boardPolicyLabel();
            } catch (RuntimeException databaseDown) {
                // the footer of the error and unavailable pages must still render
                version = VERSION;
            }
        }
        return version;
    }
}
