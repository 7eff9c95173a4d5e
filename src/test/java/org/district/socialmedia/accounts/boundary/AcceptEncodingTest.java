package org.district.socialmedia.accounts.boundary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "deflate, gzip ; q=0.5", "gzip;q=1"})
    void gzipListedIsAccepted(String header) {
        assertTrue(AccountsResource.acceptsGzip(header));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "identity", "deflate, br", "gzip;q=0", "gzip; q=0.000", "x-gzip2", "*"})
    void gzipNotListedOrRefusedIsNot(String header) {
        assertFalse(AccountsResource.acceptsGzip(header));
    }
}
