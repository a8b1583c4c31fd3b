package io.doorman.events;

import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.State;
import java.util.Optional;

/**
 * Something that happened to an invitation, told once its transaction commits (and, before that,
 * to the planners that write the outbound effects it causes into the same transaction).
 */
public sealed interface Event {

  /** The invitation concerned. */
  long invitationId();

  /** An email was read and everything in it stored (counted for /metrics). */
  record EmailStored(long invitationId, String source) implements Event {
    /** No invitation in particular. */
    public EmailStored(String source) {
      this(0, source);
    }
  }

  /**
   * An invitation for {@code recipient} was stored for the first time, or seen again: {@code
   * sightings} is how often it has been seen now.
   */
  record InvitationStored(long invitationId, boolean isNew, int sightings, String category,
      Optional<String> recipient) implements Event {}

  /**
   * A decision was made and the invitation moved from {@code from} to {@code to}, its row now at
   * {@code version}; {@code question} is what was asked, for {@link Decision#ASK}.
   */
  record Decided(long invitationId, Decision decision, State from, State to, Actor actor, int version,
      Optional<String> question, Optional<String> recipient) implements Event {
    /** Made by the policy itself (an auto-decline), not by a person. */
    public boolean automatic() {
      return actor.equals(Actor.POLICY);
    }
  }

  /** The sender's message {@code messageId} answered the question: the invitation is ANSWERED. */
  record Answered(long invitationId, long messageId, int version, Optional<String> recipient) implements Event {}

  /**
   * An email with a notification that could not be read completely was kept for a person to look
   * at (its invitation, when one was stored; else 0).
   */
  record NeedsALook(long invitationId, String source, java.util.List<String> problems) implements Event {}

  /** No answer came within the policy's {@code followUpAfter}: the invitation is FOLLOW_UP. */
  record FollowUpDue(long invitationId, int version, Optional<String> recipient) implements Event {}
}
