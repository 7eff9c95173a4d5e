package org.district.socialmedia.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Jakarta Security's view of the staff table: username/password in, caller and roles out. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffAuthentication authentication;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return authentication.verify(up.getCaller(), up.getPassword().getValue(), credential instanceof ApiCredential)
                .map(roles -> new CredentialValidationResult(up.getCaller().strip().toLowerCase(java.util.Locale.ROOT), roles))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
