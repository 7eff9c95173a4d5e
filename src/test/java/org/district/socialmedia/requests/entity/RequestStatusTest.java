package org.district.socialmedia.requests.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestStatusTest {

    @ParameterizedTest
    @CsvSource({
            "DRAFT, false, false",
            "SUBMITTED, true, true",
            "INFO_REQUESTED, true, false",
            "OVERDUE, true, true",
            "DECIDED, false, false",
            "WITHDRAWN, false, false"
    })
    void openAndAwaitingReviewer(RequestStatus status, boolean open, boolean awaitingReviewer) {
        assertEquals(open, status.isOpen());
        assertEquals(awaitingReviewer, status.isAwaitingReviewer());
    }
}
