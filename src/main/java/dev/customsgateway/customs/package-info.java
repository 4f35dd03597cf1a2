/**
 * Customs: the rules customs applies that the official schemas leave out, the code tables behind them, and
 * validation of signed messages against the official XSDs.
 */
package dev.customsgateway.customs;
