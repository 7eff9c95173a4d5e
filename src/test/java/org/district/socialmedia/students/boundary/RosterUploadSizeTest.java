package org.district.socialmedia.students.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterUploadSizeTest {

    @Test
    void onlyARawZipBodyGetsTheLargerLimit() {
        assertTrue(RosterUploadSize.raw("application/zip"));
        assertTrue(RosterUploadSize.raw("Application/Octet-Stream; charset=binary"));
        assertFalse(RosterUploadSize.raw("multipart/form-data; boundary=x"), "RESTEasy may buffer a part");
        assertFalse(RosterUploadSize.raw("application/json"));
        assertFalse(RosterUploadSize.raw(null));
    }
}
