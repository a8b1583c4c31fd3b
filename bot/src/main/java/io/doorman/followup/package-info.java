/**
 * Follow-ups: when a sender has not answered "Have we met?" within the policy's {@code
 * followUpAfter}, their invitation moves to FOLLOW_UP and the channels are told; after {@code
 * autoDeclineAfter}, if set, it is declined by the policy.
 *
 * <p>There is no separate task table: an invitation's own row (its state and when it was asked)
 * says what is due, and the lifecycle's optimistic update is the claim, so with several nodes on
 * one database each follow-up fires exactly once, an answer (which moves the invitation on)
 * cancels it, and nothing is lost across restarts.
 */
package io.doorman.followup;
