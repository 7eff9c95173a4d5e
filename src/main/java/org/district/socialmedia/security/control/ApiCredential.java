package org.district.socialmedia.security.control;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** A username and password from an API call's HTTP Basic header, which may reuse a recent check (VerifiedPasswords). */
public class ApiCredential extends UsernamePasswordCredential {

    public ApiCredential(String caller, String password) {
        super(caller, password);
    }
}
