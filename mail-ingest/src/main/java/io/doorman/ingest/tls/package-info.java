/**
 * TLS for Doorman's mail connections (IMAP here, SMTP in the bot): how a connection is secured
 * ({@link TlsMode}), which certificates it trusts besides the JVM's ({@link Trust}), and a failure
 * told in one line with what to set ({@link TlsProblem}).
 */
package io.doorman.ingest.tls;
