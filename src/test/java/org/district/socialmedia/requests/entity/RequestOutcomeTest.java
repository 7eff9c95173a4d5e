package org.district.socialmedia.requests.entity;

import static org.district.socialmedia.requests.entity.LineOutcome.AMEND;
import static org.district.socialmedia.requests.entity.LineOutcome.AUTHORIZE;
import static org.district.socialmedia.requests.entity.LineOutcome.REJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestOutcomeTest {

    @Test
    void allAuthorizedIsAuthorizedAsProposed() {
        assertEquals(RequestOutcome.AUTHORIZED, RequestOutcome.derive(List.of(AUTHORIZE)));
        assertEquals(RequestOutcome.AUTHORIZED, RequestOutcome.derive(List.of(AUTHORIZE, AUTHORIZE, AUTHORIZE)));
    }

    @Test
    void allRejectedIsRejectedInItsEntirety() {
        assertEquals(RequestOutcome.REJECTED, RequestOutcome.derive(List.of(REJECT)));
        assertEquals(RequestOutcome.REJECTED, RequestOutcome.derive(List.of(REJECT, REJECT)));
    }

    @Test
    void anyAmendmentOrAnyMixIsAuthorizedWithModifications() {
        assertEquals(RequestOutcome.AUTHORIZED_WITH_MODIFICATIONS, RequestOutcome.derive(List.of(AMEND)));
        assertEquals(RequestOutcome.AUTHORIZED_WITH_MODIFICATIONS, RequestOutcome.derive(List.of(AUTHORIZE, AMEND)));
        assertEquals(RequestOutcome.AUTHORIZED_WITH_MODIFICATIONS, RequestOutcome.derive(List.of(REJECT, AMEND)));
        // Authorizing some platforms and rejecting others is a more limited authorization.
        assertEquals(RequestOutcome.AUTHORIZED_WITH_MODIFICATIONS, RequestOutcome.derive(List.of(AUTHORIZE, REJECT)));
        assertEquals(RequestOutcome.AUTHORIZED_WITH_MODIFICATIONS,
                RequestOutcome.derive(List.of(AUTHORIZE, REJECT, AMEND)));
    }

    @Test
    void noOutcomeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequestOutcome.derive(List.of()));
        assertThrows(IllegalArgumentException.class, () -> RequestOutcome.derive(null));
        assertThrows(IllegalArgumentException.class, () -> RequestOutcome.derive(Arrays.asList(AUTHORIZE, null)));
    }

    @Test
    void labelsNameTheResponsesAsThePolicyDoes() {
        assertEquals("Authorized as proposed", RequestOutcome.AUTHORIZED.label());
        assertEquals("Rejected in its entirety", RequestOutcome.REJECTED.label());
        assertEquals("Authorized with modifications or limits", RequestOutcome.AUTHORIZED_WITH_MODIFICATIONS.label());
    }

    @Test
    void explanationIsRequiredForDenialsAndModificationsOnly() {
        assertEquals(false, AUTHORIZE.requiresExplanation());
        assertEquals(true, REJECT.requiresExplanation());
        assertEquals(true, AMEND.requiresExplanation());
        assertEquals(true, AUTHORIZE.grantsUse());
        assertEquals(false, REJECT.grantsUse());
        assertEquals(true, AMEND.grantsUse());
    }
}
