package dev.customsgateway.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The raw JCA signature rate of a key from the gateway's key store: sign 4 KB of data as fast as possible on N
 * threads for a few seconds. This is the floor of a signing gateway's cost per document.
 */
final class RawSignatureRate {

    private static final Map<String, String> ALGORITHM = Map.of("CN_RSA_SHA1", "SHA1withRSA",
            "CN_SM2_SM3", "SM3withSM2", "ECDSA_P256_SHA256", "SHA256withECDSA", "RSA_SHA256", "SHA256withRSA");
    private static final long RUN_NANOS = 3_000_000_000L;

    private RawSignatureRate() {
    }

    static double measure(Path data, String alias, String profile, int threads) throws Exception {
        Provider bc = new BouncyCastleProvider();
        KeyStore store = KeyStore.getInstance("PKCS12", bc);
        char[] password = Files.readString(data.resolve("keys/signing.p12.password")).strip().toCharArray();
        try (InputStream in = Files.newInputStream(data.resolve("keys/signing.p12"))) {
            store.load(in, password);
        }
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        String algorithm = ALGORITHM.get(profile);
        byte[] payload = new byte[4096];
        new java.util.Random(1).nextBytes(payload);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    Signature signature = algorithm.contains("SM2") ? Signature.getInstance(algorithm, bc)
                            : Signature.getInstance(algorithm);
                    long count = 0;
                    long end = System.nanoTime() + RUN_NANOS;
                    while (System.nanoTime() < end) {
                        signature.initSign(key);
                        signature.update(payload);
                        signature.sign();
                        count++;
                    }
                    return count;
                });
            }
            long total = 0;
            for (Future<Long> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            return total / (RUN_NANOS / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
