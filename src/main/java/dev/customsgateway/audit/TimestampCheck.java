package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Verifies an RFC 3161 token over some data: the token's signature (by the configured authority's certificate
 * when one is given, otherwise by the certificate inside the token), a SHA-256 imprint, and that the imprint is
 * the digest of the data. Used when a token is obtained and again by every verification.
 *
 * @param authority the authority's certificate, or null to accept the one the token carries
 */
record TimestampCheck(X509Certificate authority) {

    /** Returns the time the authority vouches for; throws when the token does not hold. */
    Instant verify(byte[] encodedToken, byte[] data) throws TSPException, IOException {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(encodedToken));
            X509CertificateHolder signer = authority != null
                    ? new JcaX509CertificateHolder(authority)
                    : embeddedSigner(token);
            // validate() also requires the critical timeStamping extended key usage on the signer's certificate
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            var info = token.getTimeStampInfo();
            if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
                throw new TSPException("token imprint is not SHA-256");
            }
            if (!MessageDigest.isEqual(info.getMessageImprintDigest(), Sha256.newDigest().digest(data))) {
                throw new TSPException("token does not cover this checkpoint");
            }
            return info.getGenTime().toInstant();
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new TSPException("unreadable time-stamp token: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static X509CertificateHolder embeddedSigner(TimeStampToken token) throws TSPException {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new TSPException("token carries no signer certificate and no authority certificate is configured");
        }
        return matches.iterator().next();
    }
}
