package io.doorman.email;

import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.lifecycle.State;
import io.doorman.outbox.Effect;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Payload;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The emails Doorman sends, as outbox effects written in the transaction of what causes them: the
 * verdict to a forwarder (with the forward), the confirmation of an answer (with its decision), a
 * nudge or the news of an auto-decline to everyone who forwarded the invitation (with the
 * follow-up), the daily digest (its key is the day's claim). All go out in the {@code smtp} lane;
 * one person's letters about one invitation in the order they were written.
 */
final class EmailEffects implements Events.Planner {

  static final String LANE = "smtp";
  static final String VERDICT = "email.verdict";
  static final String CONFIRMATION = "email.confirmation";
  static final String NOT_UNDERSTOOD = "email.not-understood";
  static final String NUDGE = "email.nudge";
  static final String DECLINED = "email.declined";
  static final String DIGEST = "email.digest";

  private final Outbox outbox;
  private final EmailStore emails;
  private final Allowlist allow;

  EmailEffects(Outbox outbox, EmailStore emails, Allowlist allow) {
    this.outbox = outbox;
    this.emails = emails;
    this.allow = allow;
  }

  /** Nudges on a follow-up, and the news of an auto-decline, to every allowed forwarder. */
  @Override
  public void plan(Event event, Tx tx) throws SQLException {
    if (event instanceof Event.FollowUpDue due) {
      for (String f : emails.forwardersOf(tx, due.invitationId())) {
        if (allow.permits(f)) {
          letter(tx, NUDGE + ":" + due.invitationId() + ":" + f + ":v" + due.version(), NUDGE, due.invitationId(), f);
        }
      }
    } else if (event instanceof Event.Decided d && d.automatic() && d.to() == State.DECLINED) {
      for (String f : emails.forwardersOf(tx, d.invitationId())) {
        if (allow.permits(f)) {
          letter(tx, DECLINED + ":" + d.invitationId() + ":" + f, DECLINED, d.invitationId(), f);
        }
      }
    }
  }

  void verdict(Tx tx, long invitationId, String to) throws SQLException {
    letter(tx, VERDICT + ":" + invitationId + ":" + to, VERDICT, invitationId, to);
  }

  /** What became of an answer; {@code answer} names the answering email (its Message-ID), so a re-read tells once. */
  void confirmation(Tx tx, String answer, long invitationId, String to, String what) throws SQLException {
    outbox.enqueue(tx, new Effect(CONFIRMATION + ":" + answer, CONFIRMATION, LANE, ordering(invitationId, to),
        Payload.of("invitation", invitationId, "to", to, "what", what)));
  }

  void notUnderstood(Tx tx, String answer, long invitationId, String to) throws SQLException {
    outbox.enqueue(tx, new Effect(NOT_UNDERSTOOD + ":" + answer, NOT_UNDERSTOOD, LANE, ordering(invitationId, to),
        Payload.of("invitation", invitationId, "to", to)));
  }

  /** The digest of {@code day} for {@code to}, as of {@code asOf}; false when it was enqueued before (by anyone). */
  boolean digest(Tx tx, LocalDate day, String to, Instant asOf) throws SQLException {
    return outbox.enqueue(tx, new Effect(DIGEST + ":" + day + ":" + to, DIGEST, LANE, Optional.empty(),
        Payload.of("day", day.toString(), "to", to, "asOf", asOf.toEpochMilli())));
  }

  private void letter(Tx tx, String key, String kind, long invitationId, String to) throws SQLException {
    outbox.enqueue(tx, new Effect(key, kind, LANE, ordering(invitationId, to), Payload.of("invitation", invitationId, "to", to)));
  }

  private static Optional<String> ordering(long invitationId, String to) {
    return Optional.of("email:" + invitationId + ":" + to);
  }
}
