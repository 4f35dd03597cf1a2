package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** An evidence bundle's files as a map, for the tests that take a bundle apart, change it and zip it again. */
final class BundleFiles {

    private BundleFiles() {
    }

    /** The files of a zip, in its order. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** What a forger who also fixes the manifest does: {@code manifest.sha256} over the files as they are now. */
    static void rebuildManifest(Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, bytes) -> {
            if (!name.equals("manifest.sha256")) {
                manifest.append(Sha256.hex(bytes)).append("  ").append(name).append('\n');
            }
        });
        files.put("manifest.sha256", manifest.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The verifier's problems with these files zipped. */
    static List<String> verify(Map<String, byte[]> files, Path trusted) throws IOException {
        return EvidenceVerifier.verify(new ByteArrayInputStream(zip(files)), trusted);
    }
}
