package dev.customsgateway.audit;

import java.io.IOException;

/**
 * An artefact cannot be opened because the data key that sealed it was destroyed (crypto-shredding by the
 * retention job): its bytes are gone for good, by design. An {@link IOException} so that readers of the content
 * store need no new handling to fail cleanly.
 */
public class ArtefactShreddedException extends IOException {

    public ArtefactShreddedException(String message) {
        super(message);
    }
}
