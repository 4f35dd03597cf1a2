package dev.customsgateway.signing;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The BouncyCastle provider, registered once (after the JDK's, so JDK algorithms stay the default). */
final class BouncyCastle {

    private BouncyCastle() {
    }

    static synchronized Provider provider() {
        Provider provider = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (provider == null) {
            provider = new BouncyCastleProvider();
            Security.addProvider(provider);
        }
        return provider;
    }
}
