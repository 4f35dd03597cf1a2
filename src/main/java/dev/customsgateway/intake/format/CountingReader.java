package dev.customsgateway.intake.format;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters a parser has taken from its source, so a reader can bound the size of one record even when
 * the file has no line breaks (minified XML). The count runs ahead of the parser by at most its buffer, which is
 * precise enough for a limit.
 */
final class CountingReader extends FilterReader {

    private long count;

    CountingReader(Reader in) {
        super(in);
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count++;
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }
}
