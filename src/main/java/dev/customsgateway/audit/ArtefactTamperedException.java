package dev.customsgateway.audit;

import java.io.IOException;

/**
 * A sealed artefact failed its AES-GCM authentication: its stored bytes were changed, truncated, extended or swapped
 * for another artefact's. Nothing of it is returned as genuine.
 */
public class ArtefactTamperedException extends IOException {

    public ArtefactTamperedException(String message, Throwable cause) {
        super(message, cause);
    }
}
