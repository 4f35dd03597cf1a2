/**
 * The web console for compliance staff, merchants and administrators ({@code /console}): server-rendered HTML
 * over the message log and the tables the capabilities keep, behind its own login (Argon2id passwords, server-side
 * sessions, CSRF tokens on every POST, a strict Content-Security-Policy). It reads {@code audit} and {@code core}
 * only; the two things it asks of capabilities (a signature check, API keys) come through interfaces of
 * {@code core}. Every view and export is recorded in {@code console_access}.
 */
package dev.customsgateway.console;
