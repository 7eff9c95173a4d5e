package org.district.socialmedia.students.boundary;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the read that goes past a number of bytes, whatever the request's Content-Length said. */
final class UploadLimit extends FilterInputStream {

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    UploadLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        // a reset would count bytes twice
        return false;
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > limit) {
            throw new TooLarge(limit);
        }
    }
}
