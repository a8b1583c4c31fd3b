package io.doorman.intake;

import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.Reply;
import io.doorman.policies.Verdict;
import java.util.OptionalLong;

/** What became of one notification of an email. */
public sealed interface Stored {

  /** An invitation, stored as {@code invitationId}: new, or another sighting of a known one. */
  record InvitationStored(Invitation invitation, Verdict verdict, long invitationId, boolean isNew)
      implements Stored {}

  /**
   * A message notification: the answer to the question asked of {@code answered}, or kept unmatched
   * (empty), or a message already stored.
   */
  record MessageStored(Message message, Reply reply, boolean alreadySeen, OptionalLong answered)
      implements Stored {}

  /** Not kept: an "accepted your invitation" notice, or mail that is not LinkedIn's. */
  record NotStored(Notification notification) implements Stored {}
}
