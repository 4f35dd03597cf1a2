package dev.customsgateway.intake.sftp;

import org.springframework.stereotype.Component;

/** The limits in force for one merchant: its own options where set, the global settings otherwise. */
@Component
class SftpLimits {

    private final SftpProperties properties;
    private final SftpAccounts accounts;

    SftpLimits(SftpProperties properties, SftpAccounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    Effective of(String merchantId) {
        SftpAccounts.MerchantOptions o = accounts.options(merchantId);
        return new Effective(
                o.maxFileBytes() != null ? o.maxFileBytes() : properties.maxFileSize().toBytes(),
                o.filesPerMinute() != null ? o.filesPerMinute() : properties.filesPerMinute());
    }

    /** Largest file in bytes and new files per minute. */
    record Effective(long maxFileBytes, int filesPerMinute) {
    }
}
