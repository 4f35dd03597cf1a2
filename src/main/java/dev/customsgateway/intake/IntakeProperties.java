package dev.customsgateway.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Intake settings.
 *
 * @param submissionUri  the endpoint that takes a stored submission's id into the pipeline
 * @param checkUri       the route that checks a stored upload as a whole before it is acknowledged
 * @param maxUploadSize  largest file accepted over HTTP; a larger one is refused with 413
 */
@ConfigurationProperties("gateway.intake")
record IntakeProperties(String submissionUri, String checkUri, DataSize maxUploadSize) {

    IntakeProperties {
        if (checkUri == null || checkUri.isBlank()) {
            checkUri = "direct:intake-check";
        }
        if (submissionUri == null || submissionUri.isBlank()) {
            throw new IllegalArgumentException("gateway.intake.submission-uri must be set");
        }
        if (maxUploadSize == null) {
            maxUploadSize = DataSize.ofMegabytes(200);
        }
    }
}
