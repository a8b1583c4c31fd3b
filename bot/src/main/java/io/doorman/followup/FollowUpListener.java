package io.doorman.followup;

import io.doorman.store.StoredInvitation;

/** A channel (Slack, email) that wants to nudge a person about an unanswered question. */
public interface FollowUpListener {

  /** The sender of {@code invitation} has not answered since it was asked; called once. */
  void followUpDue(StoredInvitation invitation);

  /** The policy declined {@code invitation} because no answer came; called once. */
  default void autoDeclined(StoredInvitation invitation) {}
}
