/**
 * Outgoing mail: the {@code smtp.*} settings and a mailer that sends Doorman's letters (plain text,
 * or text and HTML alternatives) marked as automatic, so vacation responders don't answer them.
 */
package io.doorman.email.smtp;
