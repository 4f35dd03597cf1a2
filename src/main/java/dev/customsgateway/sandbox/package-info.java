/**
 * The customs sandbox: a local stand-in for the customs authority, so the demo, the tests and every user see
 * the whole loop on one machine. It accepts CEB messages over HTTP, checks the official schema and the signature
 * against the registered declarant certificates, keeps its own books (a guid is accepted once), and answers
 * later with receipts in the authority's format and code sequences. Configurable faults make it misbehave on
 * purpose for tests. Not for production: the {@code postgres} profile turns it off.
 */
package dev.customsgateway.sandbox;
