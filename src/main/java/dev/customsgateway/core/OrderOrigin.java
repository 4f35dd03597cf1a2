package dev.customsgateway.core;

/**
 * Where an order came from: the merchant, the submission, the order number and its first row. Travels with the
 * order through every stage so each one can record to the message log and report errors to the right place.
 */
public record OrderOrigin(Merchant merchant, String submissionId, String orderNo, int sourceRow) {
}
