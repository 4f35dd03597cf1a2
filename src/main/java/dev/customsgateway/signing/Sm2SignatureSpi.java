package dev.customsgateway.signing;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.HashMap;
import java.util.Map;
import org.apache.xml.security.algorithms.SignatureAlgorithmSpi;
import org.apache.xml.security.signature.XMLSignatureException;

/**
 * SM3withSM2 for Santuario, which has no SM2 of its own. Signs DER-encoded (r,s) (the signer re-encodes for the
 * raw option); verifies both encodings, since a raw value is always exactly 64 bytes. The SM2 distinguishing id
 * comes as an {@code SM2ParameterSpec}; BouncyCastle's default is {@code 1234567812345678}.
 *
 * <p>Signing reuses, per thread, a signature object already initialised for the key and id: BouncyCastle's
 * {@code initSign} derives the public point from the private key (a full scalar multiplication, as costly as the
 * signature itself) and hashes it into Z, and a JCA signature returns to that initialised state after each
 * {@code sign()}. An object is taken out of the cache while in use and put back only after a successful
 * signature, so one left half-fed by a failure is never reused.
 *
 * <p>Public only because Santuario instantiates registered algorithms reflectively from its own package.
 */
public abstract class Sm2SignatureSpi extends SignatureAlgorithmSpi {

    private static final int CACHED_SIGNERS_PER_THREAD = 16;
    private static final ThreadLocal<Map<SignerKey, Signature>> READY_SIGNERS =
            ThreadLocal.withInitial(HashMap::new);

    private final Provider provider;
    private Signature signature;
    private AlgorithmParameterSpec parameters;
    private SignerKey reusable;

    protected Sm2SignatureSpi(Provider provider) throws XMLSignatureException {
        // BouncyCastle, not a pinned provider name: an SM2 device provider may be passed in instead
        this.provider = provider != null ? provider : BouncyCastle.provider();
        this.signature = newSignature();
    }

    private Signature newSignature() throws XMLSignatureException {
        try {
            return Signature.getInstance("SM3withSM2", provider);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected String engineGetJCEAlgorithmString() {
        return signature.getAlgorithm();
    }

    @Override
    protected String engineGetJCEProviderName() {
        return signature.getProvider().getName();
    }

    @Override
    protected void engineUpdate(byte[] input) throws XMLSignatureException {
        engineUpdate(input, 0, input.length);
    }

    @Override
    protected void engineUpdate(byte input) throws XMLSignatureException {
        engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] buf, int offset, int len) throws XMLSignatureException {
        try {
            signature.update(buf, offset, len);
        } catch (SignatureException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitSign(Key key) throws XMLSignatureException {
        engineInitSign(key, (SecureRandom) null);
    }

    @Override
    protected void engineInitSign(Key key, SecureRandom random) throws XMLSignatureException {
        if (!(key instanceof PrivateKey privateKey)) {
            throw new XMLSignatureException("empty", new Object[] {"SM2 signing needs a private key"});
        }
        try {
            if (random != null) {
                reusable = null;
                signature.initSign(privateKey, random);
                return;
            }
            reusable = new SignerKey(privateKey, provider, idOf(parameters));
            Signature ready = READY_SIGNERS.get().remove(reusable);
            if (ready != null) {
                signature = ready;
                return;
            }
            signature.initSign(privateKey);
        } catch (InvalidKeyException e) {
            throw new XMLSignatureException(e);
        }
    }

    private static String idOf(AlgorithmParameterSpec parameters) {
        if (parameters == null) {
            return "";
        }
        if (parameters instanceof org.bouncycastle.jcajce.spec.SM2ParameterSpec sm2) {
            return java.util.HexFormat.of().formatHex(sm2.getID());
        }
        return parameters.getClass().getName() + "@" + System.identityHashCode(parameters);
    }

    /**
     * The key, provider and distinguishing id a ready signature object was initialised with. Hashed by identity:
     * a {@link Provider} is a hash table whose own hash code walks every entry (BouncyCastle has thousands), and a
     * key's computes over its parameters; the keys come from the key store's cache, so the same key is the same
     * object, and a key equal but not identical only misses the cache.
     */
    private static final class SignerKey {
        private final PrivateKey key;
        private final Provider provider;
        private final String id;

        SignerKey(PrivateKey key, Provider provider, String id) {
            this.key = key;
            this.provider = provider;
            this.id = id;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SignerKey that && provider == that.provider && id.equals(that.id)
                    && (key == that.key || key.equals(that.key));
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(key) + System.identityHashCode(provider)) + id.hashCode();
        }
    }

    @Override
    protected void engineInitSign(Key key, AlgorithmParameterSpec spec) throws XMLSignatureException {
        engineSetParameter(spec);
        engineInitSign(key);
    }

    @Override
    protected byte[] engineSign() throws XMLSignatureException {
        try {
            byte[] value = signature.sign();
            if (reusable != null) {
                Map<SignerKey, Signature> ready = READY_SIGNERS.get();
                if (ready.size() >= CACHED_SIGNERS_PER_THREAD) {
                    ready.clear();
                }
                ready.put(reusable, signature); // back in its initialised state after sign()
                signature = newSignature();
                if (parameters != null) {
                    signature.setParameter(parameters);
                }
                reusable = null;
            }
            return value;
        } catch (SignatureException | InvalidAlgorithmParameterException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitVerify(Key key) throws XMLSignatureException {
        if (!(key instanceof PublicKey publicKey)) {
            throw new XMLSignatureException("empty", new Object[] {"SM2 verification needs a public key"});
        }
        try {
            reusable = null;
            signature.initVerify(publicKey);
        } catch (InvalidKeyException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected boolean engineVerify(byte[] value) throws XMLSignatureException {
        try {
            return signature.verify(value.length == 64 ? Sm2SignatureEncoding.toDer(value) : value);
        } catch (SignatureException e) {
            // a malformed value is a failed signature, not an error of the verifier
            return false;
        }
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec spec) throws XMLSignatureException {
        try {
            signature.setParameter(spec);
            parameters = spec;
        } catch (InvalidAlgorithmParameterException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineSetHMACOutputLength(int length) throws XMLSignatureException {
        throw new XMLSignatureException("algorithms.HMACOutputLengthOnlyForHMAC");
    }

    /** {@code http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3} (SPEC22 section 6). */
    public static final class Chinaport extends Sm2SignatureSpi {
        public Chinaport() throws XMLSignatureException {
            super(null);
        }

        public Chinaport(Provider provider) throws XMLSignatureException {
            super(provider);
        }

        @Override
        protected String engineGetURI() {
            return SignatureProfile.CN_SM2_SM3.signatureUri;
        }
    }

    /** {@code http://www.w3.org/2000/09/xmldsig#sm2-sm3}, the tolerated legacy form. */
    public static final class W3cCompat extends Sm2SignatureSpi {
        public W3cCompat() throws XMLSignatureException {
            super(null);
        }

        public W3cCompat(Provider provider) throws XMLSignatureException {
            super(provider);
        }

        @Override
        protected String engineGetURI() {
            return SignatureProfile.CN_SM2_COMPAT.signatureUri;
        }
    }
}
