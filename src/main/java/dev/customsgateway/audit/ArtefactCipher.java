package dev.customsgateway.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sealed file format of the content store (version 1), AES-256-GCM in segments so that uploads of hundreds of
 * megabytes are encrypted and decrypted as streams, each segment authenticated before a byte of it is returned:
 *
 * <pre>
 * file    = "CGWE" 0x01 len(key_id) key_id salt[16] segment+
 * segment = AES-256-GCM(file_key, nonce, aad, up to 65536 plaintext bytes) (ciphertext || 16-byte tag)
 * file_key = HMAC-SHA256(data_key, "customs-gateway/artefact/v1" || salt)   (a fresh key per file)
 * nonce   = 0x00 * 7 || uint32 segment number || 0x01 if last segment else 0x00
 * aad     = the header bytes; for the last segment, the header bytes || the plaintext SHA-256 in hex
 * </pre>
 *
 * Numbered segments and the last-segment flag catch reordering and truncation; the digest in the last segment's
 * data binds the file to the name (digest) it is stored under, so swapping two files is caught too. A file not
 * starting with the marker is a plaintext artefact stored before encryption existed and is read as it is.
 */
final class ArtefactCipher {

    static final int SEGMENT = 64 * 1024;
    private static final int TAG = 16;
    private static final byte[] MAGIC = {'C', 'G', 'W', 'E'};
    private static final byte VERSION = 1;
    private static final byte[] FILE_KEY_DOMAIN = "customs-gateway/artefact/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArtefactCipher() {
    }

    /** Starts a sealed file on {@code out}; write the plaintext, then {@link Sealing#finish} with its digest. */
    static Sealing seal(OutputStream out, String keyId, SecretKey dataKey) throws IOException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] header = header(keyId, salt);
        out.write(header);
        return new Sealing(out, header, fileKey(dataKey, salt));
    }

    /** The data key id of a sealed stream, or null (nothing consumed) when the stream is plaintext. */
    static Header readHeader(PushbackInputStream in) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length + 2 || !Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || start[MAGIC.length] != VERSION) {
            in.unread(start);
            return null;
        }
        int idLength = start[MAGIC.length + 1] & 0xff;
        byte[] rest = in.readNBytes(idLength + 16);
        if (rest.length < idLength + 16) {
            in.unread(rest);
            in.unread(start);
            return null;
        }
        String keyId = new String(rest, 0, idLength, StandardCharsets.US_ASCII);
        return new Header(keyId, Arrays.copyOfRange(rest, idLength, rest.length));
    }

    /** The plaintext of a sealed stream whose header was read, checked segment by segment. */
    static InputStream open(PushbackInputStream in, Header header, SecretKey dataKey, String sha256) {
        return new Opening(in, header(header.keyId(), header.salt()), fileKey(dataKey, header.salt()), sha256);
    }

    private static byte[] header(String keyId, byte[] salt) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        if (id.length > 255) {
            throw new IllegalArgumentException("key id too long");
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(MAGIC);
        header.write(VERSION);
        header.write(id.length);
        header.writeBytes(id);
        header.writeBytes(salt);
        return header.toByteArray();
    }

    private static SecretKey fileKey(SecretKey dataKey, byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey.getEncoded(), "HmacSHA256"));
            mac.update(FILE_KEY_DOMAIN);
            return new SecretKeySpec(mac.doFinal(salt), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, int segment, boolean last, byte[] header, String sha256)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).putInt(7, segment).put(11, (byte) (last ? 1 : 0)).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
        cipher.updateAAD(header);
        if (last) {
            cipher.updateAAD(sha256.getBytes(StandardCharsets.US_ASCII));
        }
        return cipher;
    }

    /** The header of a sealed file: which data key sealed it and the file's salt. */
    record Header(String keyId, byte[] salt) {
    }

    /** Plaintext in, sealed segments out. */
    static final class Sealing extends OutputStream {

        private final OutputStream out;
        private final byte[] header;
        private final SecretKey key;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private int segment;

        private Sealing(OutputStream out, byte[] header, SecretKey key) {
            this.out = out;
            this.header = header;
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == SEGMENT) {
                    emit(false, null); // more follows, so the full buffer is not the last segment
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        /** Seals the last segment, bound to the plaintext's digest, and flushes. */
        void finish(String sha256) throws IOException {
            emit(true, sha256);
            out.flush();
        }

        private void emit(boolean last, String sha256) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, key, segment++, last, header, sha256)
                        .doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM sealing failed", e);
            }
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Sealed segments in, authenticated plaintext out. */
    private static final class Opening extends InputStream {

        private final PushbackInputStream in;
        private final byte[] header;
        private final SecretKey key;
        private final String sha256;
        private byte[] plain = new byte[0];
        private int pos;
        private int segment;
        private boolean done;

        private Opening(PushbackInputStream in, byte[] header, SecretKey key, String sha256) {
            this.in = in;
            this.header = header;
            this.key = key;
            this.sha256 = sha256;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == plain.length) {
                if (done) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        private void next() throws IOException {
            byte[] sealed = in.readNBytes(SEGMENT + TAG);
            boolean last = sealed.length < SEGMENT + TAG;
            if (!last) {
                int peek = in.read();
                last = peek < 0;
                if (!last) {
                    in.unread(peek);
                }
            }
            if (sealed.length < TAG) {
                throw new ArtefactTamperedException("sealed artefact " + sha256 + " is truncated", null);
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, segment, last, header, sha256).doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new ArtefactTamperedException("sealed artefact " + sha256 + " fails its AES-GCM authentication"
                        + " tag at segment " + segment + ": altered, truncated or not the artefact of that digest", e);
            } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM opening failed", e);
            }
            segment++;
            pos = 0;
            done = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
