package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes files a merchant reads in its SFTP home ({@code errors/} notices and reports, {@code archive/}
 * summaries). Each file appears whole: it is written under a hidden temporary name and renamed into place.
 */
@Component
class MerchantNotices {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantNotices.class);

    private final MerchantHomes homes;

    MerchantNotices(MerchantHomes homes) {
        this.homes = homes;
    }

    /** Writes {@code folder/name}, replacing an older file of that name. */
    void write(String merchantId, String folder, String name, String content) {
        try {
            Path dir = homes.ensure(merchantId).resolve(folder);
            Path tmp = dir.resolve("." + name + ".writing");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder + "/" + name + " for merchant " + merchantId, e);
        }
    }

    /** A notice about a refused action; failing to write it must not hide the refusal itself. */
    void notice(String merchantId, String name, String content) {
        try {
            write(merchantId, MerchantHomes.ERRORS, name, content);
        } catch (RuntimeException e) {
            LOG.warn("Could not write the notice {} for merchant {}", name, merchantId, e);
        }
    }
}
