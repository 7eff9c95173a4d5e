package org.district.socialmedia.security;

import jakarta.inject.Inject;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.platform.entity.Role;
import org.district.socialmedia.people.entity.StaffUser;
import org.district.socialmedia.security.control.StaffAuthentication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside the server: a password stored in the portal's former hash form still signs in, and the
 * sign-in replaces it by a hash of the server's Jakarta Security Pbkdf2PasswordHash.
 */
@ExtendWith(ArquillianExtension.class)
class FormerPasswordHashIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    TestTransactions tx;
    @Inject
    StaffAuthentication authentication;

    private static String formerHash(String password) throws Exception {
        byte[] salt = UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$210000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    @Test
    void aFormerHashSignsInAndIsReplacedByAJakartaSecurityHash() throws Exception {
        String username = "former" + UUID.randomUUID().toString().substring(0, 8);
        String password = "an old but good passphrase";
        String former = formerHash(password);
        tx.inNewTransaction(em -> {
            StaffUser user = new StaffUser(username, "Fran Former", username + "@district.example.org", Instant.now());
            user.grantRoles(EnumSet.of(Role.EMPLOYEE));
            user.setPasswordHash(former);
            em.persist(user);
            return null;
        });

        assertTrue(authentication.verify(username, "not the password".toCharArray(), false).isEmpty());
        assertEquals(former, storedHash(username), "a failed sign-in changes nothing");

        assertTrue(authentication.verify(username, password.toCharArray(), false).isPresent());
        String replaced = storedHash(username);
        assertTrue(replaced.startsWith("PBKDF2WithHmacSHA256:210000:"), replaced);
        assertTrue(authentication.verify(username, password.toCharArray(), false).isPresent(), "the new hash verifies");
    }

    private String storedHash(String username) {
        return tx.inNewTransaction(em -> em.createNamedQuery(StaffUser.BY_USERNAME, StaffUser.class)
                .setParameter("username", username).getSingleResult().getPasswordHash());
    }
}
