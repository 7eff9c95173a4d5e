package org.district.socialmedia.students.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterUploadSizeTest {

    private static final long LISTENER = 2L * 1024 * 1024 * 1024;
    private static final long UPLOAD = 2L * 1024 * 1024 * 1024;
    private static final String PATH = "/api/imports/oneroster";

    @Test
    void onlyARawZipBodyGetsTheLargerLimit() {
        assertTrue(RosterUploadSize.raw("application/zip"));
        assertTrue(RosterUploadSize.raw("Application/Octet-Stream; charset=binary"));
        assertFalse(RosterUploadSize.raw("multipart/form-data; boundary=x"), "RESTEasy may buffer a part");
        assertFalse(RosterUploadSize.raw("application/json"));
        assertFalse(RosterUploadSize.raw(null));
    }

    @Test
    void theRosterZipGetsTheUploadLimitEveryOtherRequestFifteenMebibytes() {
        assertEquals(UPLOAD, RosterUploadSize.limit("POST", PATH, "application/zip", LISTENER, PATH, UPLOAD));
        assertEquals(RosterUploadSize.REQUEST_MAX_BYTES,
                RosterUploadSize.limit("POST", PATH, "multipart/form-data; boundary=x", LISTENER, PATH, UPLOAD));
        assertEquals(RosterUploadSize.REQUEST_MAX_BYTES,
                RosterUploadSize.limit("PUT", PATH, "application/zip", LISTENER, PATH, UPLOAD));
        assertEquals(RosterUploadSize.REQUEST_MAX_BYTES,
                RosterUploadSize.limit("POST", "/api/consent/scans", "application/zip", LISTENER, PATH, UPLOAD));
        assertEquals(RosterUploadSize.REQUEST_MAX_BYTES,
                RosterUploadSize.limit("POST", PATH + "/x", "application/zip", LISTENER, PATH, UPLOAD));
    }

    @Test
    void neverPastTheListenersLimit() {
        long listener = 10L * 1024 * 1024;
        assertEquals(listener, RosterUploadSize.limit("POST", PATH, "application/zip", listener, PATH, UPLOAD));
        assertEquals(listener, RosterUploadSize.limit("GET", "/", null, listener, PATH, UPLOAD));
        assertEquals(UPLOAD, RosterUploadSize.limit("POST", PATH, "application/zip", 0, PATH, UPLOAD), "0: no listener limit");
    }
}
