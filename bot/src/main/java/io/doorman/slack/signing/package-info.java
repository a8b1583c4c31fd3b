/**
 * Verifies that a request really comes from Slack: HMAC-SHA256 of {@code v0:timestamp:body} with
 * the signing secret, compared in constant time, and a timestamp within five minutes either way.
 */
package io.doorman.slack.signing;
