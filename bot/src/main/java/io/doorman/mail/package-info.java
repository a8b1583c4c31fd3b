/**
 * Mail in: the IMAP mailbox people forward to, run with {@link io.doorman.intake.Intake}.
 *
 * <p>{@link io.doorman.mail.MailRouter} decides what one email is (Gmail's forwarding
 * confirmation, an answer to one of Doorman's emails, a LinkedIn notification, or none of these)
 * and so where it goes; {@link io.doorman.mail.ImapIntake} reads the mailbox through {@code
 * io.doorman.ingest.imap} while this node holds the mailbox's lease.
 */
package io.doorman.mail;
