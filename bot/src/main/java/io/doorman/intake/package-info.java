/**
 * Intake: one email in, its notifications classified by the policy and stored. The one path every
 * source takes (the command line's {@code ingest}, the IMAP mailbox, the inbox directory, a
 * mail-server pipe), so they all store, count and answer alike.
 */
package io.doorman.intake;
