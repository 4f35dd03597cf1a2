/**
 * Delivery: signed messages on their way to customs. For now the outbox folder, written atomically so nothing
 * half-written is ever picked up.
 */
package dev.customsgateway.delivery;
