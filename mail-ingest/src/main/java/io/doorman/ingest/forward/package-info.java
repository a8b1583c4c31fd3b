/**
 * Forwarded notifications: finds the header block that Gmail, Outlook, Apple Mail and others put
 * above a forwarded message (in English, German, French and Spanish), so the rest of Doorman reads
 * the original and not the forwarder's comment.
 */
package io.doorman.ingest.forward;
