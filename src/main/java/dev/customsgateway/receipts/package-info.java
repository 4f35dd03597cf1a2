/**
 * Receipts: customs' answers, taken in over an authenticated HTTP callback, stored byte for byte, parsed
 * namespace-aware, correlated to the message they answer, explained in words, and kept as a status timeline
 * per message (several receipts, in any order, once each).
 */
package dev.customsgateway.receipts;
