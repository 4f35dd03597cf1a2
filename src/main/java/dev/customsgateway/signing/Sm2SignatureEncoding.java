package dev.customsgateway.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.BigIntegers;

/**
 * How an SM2 signature value is written: DER-encoded (r,s), which GACC's verifiers and OpenSSL expect and the
 * default, or the raw 64-byte r||s some SM2 devices produce.
 */
enum Sm2SignatureEncoding {
    DER,
    RAW;

    private static final int HALF = 32;

    /** The signature as this encoding writes it, from the DER form every JCA provider produces. */
    byte[] fromDer(byte[] der) {
        return this == DER ? der : toRaw(der);
    }

    static byte[] toRaw(byte[] der) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (sequence.size() != 2) {
                throw new IllegalArgumentException("an SM2 signature is a sequence of two integers");
            }
            byte[] raw = new byte[2 * HALF];
            BigIntegers.asUnsignedByteArray(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), raw, 0, HALF);
            BigIntegers.asUnsignedByteArray(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), raw, HALF,
                    HALF);
            return raw;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a DER-encoded SM2 signature", e);
        }
    }

    static byte[] toDer(byte[] raw) {
        if (raw.length != 2 * HALF) {
            throw new IllegalArgumentException("a raw SM2 signature is 64 bytes, not " + raw.length);
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, HALF));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, HALF, 2 * HALF));
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot DER-encode an SM2 signature", e);
        }
    }
}
