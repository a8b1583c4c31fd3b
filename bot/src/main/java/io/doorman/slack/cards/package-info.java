/**
 * Slack text that is safe to show: user-written text escaped for mrkdwn so it can neither mention
 * anyone nor disguise a link, and cut to Slack's limits with an ellipsis instead of being refused.
 */
package io.doorman.slack.cards;
