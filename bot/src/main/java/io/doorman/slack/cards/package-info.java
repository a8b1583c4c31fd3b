/**
 * What Doorman shows in Slack, as Block Kit: the invitation card (one per sender, with a decision
 * per recipient), the thread posts below it, and the text rules they all follow: user-written
 * text escaped for mrkdwn so it can neither mention anyone nor disguise a link, only LinkedIn's
 * links shown (none for a spoofed email), and everything cut to Slack's limits with an ellipsis
 * instead of being refused.
 */
package io.doorman.slack.cards;
