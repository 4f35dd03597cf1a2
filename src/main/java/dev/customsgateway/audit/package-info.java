/**
 * The message log: every stage of every submission and message, with the SHA-256 of the artefact it produced,
 * and the content-addressed store that keeps those artefacts. Every capability may record here; nothing here
 * calls a capability.
 */
package dev.customsgateway.audit;
