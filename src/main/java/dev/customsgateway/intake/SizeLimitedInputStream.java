package dev.customsgateway.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the read once more than {@code limit} bytes have come through, so an oversized upload stops early. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new TooLarge(limit);
        }
    }

    /** The upload exceeded the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the upload exceeds the limit of " + limit + " bytes");
        }
    }
}
