package dev.customsgateway.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Intake settings.
 *
 * @param submissionUri  the endpoint that takes a stored submission's id into the pipeline
 * @param maxUploadSize  largest file accepted over HTTP; a larger one is refused with 413
 */
@ConfigurationProperties("gateway.intake")
record IntakeProperties(String submissionUri, DataSize maxUploadSize) {

    IntakeProperties {
        if (submissionUri == null || submissionUri.isBlank()) {
            throw new IllegalArgumentException("gateway.intake.submission-uri must be set");
        }
        if (maxUploadSize == null) {
            maxUploadSize = DataSize.ofMegabytes(200);
        }
    }
}
