/**
 * Signing: enveloped XML-DSig over customs messages with the declarant's key, the signature profiles customs
 * accepts, and the key stores (development keys generated on first start).
 */
package dev.customsgateway.signing;
