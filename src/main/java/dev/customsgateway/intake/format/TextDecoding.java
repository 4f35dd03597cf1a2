package dev.customsgateway.intake.format;

import dev.customsgateway.core.FileFault;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes merchant text strictly: a byte sequence that is not valid in the file's encoding is a
 * {@link FileFault} naming the line, never a silent replacement character. {@code AUTO} takes UTF-8 when the
 * file starts with a UTF-8 BOM or its first 64 KiB decode as UTF-8, and GB18030 (the superset of GBK that Chinese
 * spreadsheet programs export) otherwise. Also enforces the line-length limit and refuses NUL characters, the
 * mark of a binary file.
 */
public final class TextDecoding {

    private static final int SNIFF_BYTES = 65536;

    private TextDecoding() {
    }

    /** A strict reader over the stream; a UTF-8 BOM is skipped. */
    public static Reader reader(InputStream raw, String encoding, int maxLineChars) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES + 8);
        Charset charset = charsetOf(in, encoding == null ? "AUTO" : encoding);
        if (charset.equals(StandardCharsets.UTF_8)) {
            skipBom(in);
        }
        return new StrictReader(in, charset, maxLineChars);
    }

    private static Charset charsetOf(BufferedInputStream in, String encoding) throws IOException {
        String name = encoding.toUpperCase(Locale.ROOT);
        if (!name.equals("AUTO")) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw new FileFault(422, "ENCODING_UNKNOWN", "the profile names an unknown encoding: " + encoding);
            }
        }
        in.mark(SNIFF_BYTES + 1);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (bom) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
        CoderResult result = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length + 1),
                head.length < SNIFF_BYTES);
        return result.isError() ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    }

    private static void skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Decodes in blocks, counting lines so a fault can say where it is. */
    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final Charset charset;
        private final int maxLineChars;
        private final ByteBuffer bytes = ByteBuffer.allocate(8192);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private long line = 1;
        private int lineChars;
        private boolean eof;
        private boolean flushed;

        StrictReader(InputStream in, Charset charset, int maxLineChars) {
            this.in = in;
            this.charset = charset;
            this.decoder = strict(charset);
            this.maxLineChars = maxLineChars;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            while (!chars.hasRemaining()) {
                if (flushed) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, chars.remaining());
            chars.get(buffer, off, n);
            for (int i = off; i < off + n; i++) {
                count(buffer[i]);
            }
            return n;
        }

        private void fill() throws IOException {
            bytes.compact();
            if (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n == -1) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            }
            bytes.flip();
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (eof && !result.isError() && !bytes.hasRemaining()) {
                result = decoder.flush(chars);
                flushed = true;
            }
            chars.flip();
            if (result.isError()) {
                long faultLine = line + countNewlines(chars);
                throw new FileFault(400, "FILE_ENCODING", "the file is not valid " + charset.name()
                        + ": undecodable bytes on line " + faultLine
                        + " (declare its encoding in the mapping profile, e.g. GBK or GB18030)");
            }
        }

        private void count(char c) {
            if (c == '\n') {
                line++;
                lineChars = 0;
                return;
            }
            if (c == '\0') {
                throw new FileFault(400, "FILE_NOT_TEXT", "the file is not text: a NUL character on line " + line);
            }
            if (++lineChars > maxLineChars) {
                throw new FileFault(422, "LINE_TOO_LONG", "line " + line + " is longer than the limit of "
                        + maxLineChars + " characters");
            }
        }

        private static long countNewlines(CharBuffer decoded) {
            long n = 0;
            for (int i = decoded.position(); i < decoded.limit(); i++) {
                if (decoded.get(i) == '\n') {
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
