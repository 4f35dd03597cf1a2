/**
 * The message log: every stage of every submission and message, with the SHA-256 of the artefact it produced,
 * and the content-addressed store that keeps those artefacts. Entries form an append-only hash chain
 * ({@code LogChain}, {@code ChainHash}) whose head is signed in checkpoints ({@code CheckpointSigner}), optionally
 * time-stamped by an RFC 3161 authority; {@code verify-log} and {@code GET /api/v1/audit/verification} check it
 * all. Artefacts are stored encrypted ({@code ArtefactCipher}, per-merchant monthly {@code DataKeys} wrapped by a
 * {@code MasterKey} outside the database); retention destroys those keys ({@code RetentionJob}, {@code LegalHolds}),
 * and every read of the compliance API is itself recorded ({@code ComplianceAccessLog}). The read side that lists,
 * counts and follows messages ({@code MessageQueries}, {@code BusinessKeyIndex}) serves both the compliance API
 * ({@code /api/v1/audit/messages...}) and the web console. Every capability may
 * record here; nothing here calls a capability.
 */
package dev.customsgateway.audit;
