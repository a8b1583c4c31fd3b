/**
 * DKIM (RFC 6376, with Ed25519 from RFC 8463): verifies an original notification's signature so a
 * forged "LinkedIn" email that fails it is reported as spoofed. The key lookup is injected: DNS TXT
 * in production, keys made by the test in tests.
 */
package io.doorman.ingest.dkim;
