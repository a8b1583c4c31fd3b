/**
 * Doorman's Slack bot: {@link io.doorman.slack.SlackApp} (the one entry point) builds the Bolt app
 * behind {@code /slack/events} (verified by Doorman's own signature check first), the button and
 * modal handlers, the App Home and {@code /doorman}, and the outbox that posts cards from the
 * database.
 */
package io.doorman.slack;
