/**
 * Intake: merchants and their credentials, the HTTP API that takes submissions, merchant file formats, and the
 * submission records that say what became of each order. Hands work to the routes; never calls another
 * capability.
 */
package dev.customsgateway.intake;
