/**
 * Mapping: canonical orders into customs messages (the JAXB classes generated from the official schemas).
 * Plain Java: no Camel types here.
 */
package dev.customsgateway.mapping;
