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
import org.apache.xml.security.algorithms.SignatureAlgorithmSpi;
import org.apache.xml.security.signature.XMLSignatureException;

/**
 * SM3withSM2 for Santuario, which has no SM2 of its own. Signs DER-encoded (r,s) (the signer re-encodes for the
 * raw option); verifies both encodings, since a raw value is always exactly 64 bytes. The SM2 distinguishing id
 * comes as an {@code SM2ParameterSpec}; BouncyCastle's default is {@code 1234567812345678}.
 *
 * <p>Public only because Santuario instantiates registered algorithms reflectively from its own package.
 */
public abstract class Sm2SignatureSpi extends SignatureAlgorithmSpi {

    private final Signature signature;

    protected Sm2SignatureSpi(Provider provider) throws XMLSignatureException {
        try {
            // BouncyCastle, not a pinned provider name: an SM2 device provider may be passed in instead
            this.signature = Signature.getInstance("SM3withSM2", provider != null ? provider : BouncyCastle.provider());
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
            if (random == null) {
                signature.initSign(privateKey);
            } else {
                signature.initSign(privateKey, random);
            }
        } catch (InvalidKeyException e) {
            throw new XMLSignatureException(e);
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
            return signature.sign();
        } catch (SignatureException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitVerify(Key key) throws XMLSignatureException {
        if (!(key instanceof PublicKey publicKey)) {
            throw new XMLSignatureException("empty", new Object[] {"SM2 verification needs a public key"});
        }
        try {
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
