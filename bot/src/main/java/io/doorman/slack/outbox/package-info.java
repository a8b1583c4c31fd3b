/**
 * The persistent outbox: what Slack should show, derived from the store (invitations without a
 * card, cards behind their invitation, thread posts past a card's cursors), posted in order and
 * paced per channel, each Slack answer recorded as it arrives so a restart loses and repeats
 * nothing.
 */
package io.doorman.slack.outbox;
