/**
 * The IMAP mailbox people forward invitations to, as a source: connects (implicit TLS or plain for
 * test servers; a password or an XOAUTH2 token from configuration or a command), waits with IDLE
 * (re-issued before servers' 29-minute cut-off; polling where IDLE is missing), reconnects with
 * capped exponential backoff, and hands each message's bytes to a {@link
 * io.doorman.ingest.imap.MailHandler}. What the handler answers decides where the message goes: it
 * is moved (or flagged) only once the handler says it is stored, and mail is never deleted.
 *
 * <p>{@link io.doorman.ingest.imap.ImapSource} is the entry; {@link
 * io.doorman.ingest.imap.ImapSettings#from} reads the {@code imap.*} settings.
 */
package io.doorman.ingest.imap;
