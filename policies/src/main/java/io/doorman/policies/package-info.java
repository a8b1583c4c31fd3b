/**
 * Doorman's domain and its screening policy.
 *
 * <p>The records here ({@link io.doorman.policies.Notification} and its kinds) are what the rest of
 * Doorman passes around: {@code mail-ingest} makes them from emails, the policy turns an invitation
 * into a {@link io.doorman.policies.Verdict} and a sender's answer into a {@link
 * io.doorman.policies.Reply}. Nothing in this module knows about mail, Slack, JDBC or HTTP, and
 * nothing in it does I/O once a policy is loaded.
 */
package io.doorman.policies;
