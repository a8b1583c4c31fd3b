/**
 * Gmail's forwarding confirmation: when someone sets Gmail to forward to Doorman's mailbox, Gmail
 * first sends that mailbox a code to confirm. Doorman recognises the email, logs the code and link
 * for the admin and keeps the latest for the Slack side to post.
 */
package io.doorman.mail.gmail;
