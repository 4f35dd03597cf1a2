package dev.customsgateway.delivery;

import java.time.Duration;

/**
 * What one delivery attempt came to.
 *
 * @param outcome     delivered, already delivered (a duplicate-guid answer), worth retrying, or refused for good
 * @param statusCode  the HTTP status, when there was one
 * @param response    the response bytes, kept as evidence (empty when none)
 * @param retryAfter  the destination's own {@code Retry-After}, when it gave one
 * @param detail      a short reason in words
 */
record TransportResult(Outcome outcome, Integer statusCode, byte[] response, Duration retryAfter, String detail) {

    enum Outcome { DELIVERED, DUPLICATE, RETRY, PERMANENT }

    static TransportResult delivered(Integer status, byte[] response) {
        return new TransportResult(Outcome.DELIVERED, status, response, null, "delivered");
    }

    static TransportResult retry(Integer status, byte[] response, Duration retryAfter, String detail) {
        return new TransportResult(Outcome.RETRY, status, response, retryAfter, detail);
    }

    boolean delivered() {
        return outcome == Outcome.DELIVERED || outcome == Outcome.DUPLICATE;
    }
}
