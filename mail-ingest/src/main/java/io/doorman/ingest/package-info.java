/**
 * Turns notification emails into {@link io.doorman.policies.Notification} records.
 *
 * <p>{@link io.doorman.ingest.source.MailSources} streams raw emails out of files, directories,
 * Maildirs, mboxes and standard input; {@link io.doorman.ingest.MailReader} reads one raw email:
 * MIME ({@code mime}), forwards, LinkedIn's templates and languages ({@code linkedin}) and
 * authenticity. Nothing here stores anything or talks to Slack.
 */
package io.doorman.ingest;
