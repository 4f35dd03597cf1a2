/**
 * The customs sandbox: a local stand-in for the customs authority, so the demo, the tests and every user see
 * the whole loop on one machine. It accepts CEB messages over HTTP, checks the official schema and the signature
 * against the registered declarant certificates, keeps its own books (a guid is accepted once; each booking
 * names its business number and, when refused, why), and answers later with receipts in the authority's format
 * and code sequences. Configurable faults make it misbehave on purpose for tests. It runs inside the gateway on
 * embedded defaults, or as a process of its own with its own database ({@link
 * dev.customsgateway.sandbox.SandboxServer}), which the crash test uses. Not for production: the
 * {@code postgres} profile turns the embedded one off.
 */
package dev.customsgateway.sandbox;
