package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes inflated from an XLSX package against two zip-bomb limits: the total the profile allows
 * ({@code maxUnzippedBytes}, over all parts read) and a compression ratio per part. The count is of bytes actually
 * inflated, so a zip that lies about its sizes is caught too. The ratio is checked only past a grace size, because
 * small, repetitive sheet XML legitimately compresses well.
 */
final class UnzipBudget {

    /** Real workbooks stay well below 100:1; bombs are in the thousands. The same bound Apache POI uses. */
    static final long MAX_RATIO = 100;
    static final long RATIO_GRACE_BYTES = 1L << 20;

    private final long maxBytes;
    private long used;

    UnzipBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Wraps the inflating stream of one part whose compressed size the zip's central directory gives. */
    InputStream meter(InputStream inflating, String part, long compressedSize) {
        return new Metered(inflating, part, Math.max(compressedSize, 1));
    }

    private void charge(String part, long n, long partBytes, long compressedSize) {
        used += n;
        if (used > maxBytes) {
            throw new FileFault(413, "XLSX_TOO_LARGE", "the workbook unpacks to more than the limit of " + maxBytes
                    + " bytes (reading part " + part + "); a zip bomb, or a workbook too large for this profile");
        }
        if (partBytes > RATIO_GRACE_BYTES && partBytes / compressedSize > MAX_RATIO) {
            throw new FileFault(422, "XLSX_ZIP_BOMB", "part " + part + " inflates more than " + MAX_RATIO
                    + " times its compressed size of " + compressedSize + " bytes: refused as a zip bomb");
        }
    }

    private final class Metered extends FilterInputStream {
        private final String part;
        private final long compressedSize;
        private long partBytes;

        Metered(InputStream in, String part, long compressedSize) {
            super(in);
            this.part = part;
            this.compressedSize = compressedSize;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                charge(part, 1, ++partBytes, compressedSize);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                partBytes += n;
                charge(part, n, partBytes, compressedSize);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping inflates too: count it as read
            byte[] sink = new byte[(int) Math.min(n, 8192)];
            int read = read(sink, 0, sink.length);
            return Math.max(read, 0);
        }
    }
}
