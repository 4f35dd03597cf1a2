/**
 * Delivery: signed messages on their way to customs. The outbox table, claimed by workers; transports per
 * destination (HTTP(S) POST, optionally with mutual TLS and OAuth2 bearer tokens; a folder drop for the e-port's
 * transfer client, optionally in the DXP envelope); retries with backoff, a circuit breaker per destination and
 * dead letters.
 */
package dev.customsgateway.delivery;
