/**
 * Shared kernel: the values that travel between capabilities through the routes (merchant, canonical order,
 * customs message, row errors) and the one secure XML factory. Depends on nothing else in the gateway.
 */
package dev.customsgateway.core;
