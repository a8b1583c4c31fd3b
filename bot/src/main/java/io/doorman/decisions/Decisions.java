package io.doorman.decisions;

import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.lifecycle.State;
import io.doorman.store.AskedQuestions;
import io.doorman.store.Database;
import io.doorman.store.Invitations;
import io.doorman.store.Transitions;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one application service that decides: every channel (a Slack click, an email word, a console
 * form, the command line) turns its input into a {@link Request} and renders the {@link Outcome};
 * the policy's own automatic moves ({@link FollowUps}) come through here too. A decision is
 * checked against {@link Decision#allowedFrom}, then the move, the asked question and the audit
 * row are written in one transaction, with the outbox rows the channels plan for it and whatever
 * the caller's {@link Reply} adds; the event is told once it has committed.
 */
public final class Decisions {

  /**
   * One decision asked for. {@code question} is the text asked, as edited, for {@link
   * Decision#ASK} (the policy's own when empty); other decisions ignore it.
   */
  public record Request(long invitationId, Decision decision, Optional<String> question, Actor actor) {
    public Request {
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(actor, "actor");
      question = question.map(String::strip).filter(q -> !q.isEmpty());
    }

    public Request(long invitationId, Decision decision, Actor actor) {
      this(invitationId, decision, Optional.empty(), actor);
    }
  }

  /** What a channel adds to the decision's transaction once the outcome is known (its answer). */
  @FunctionalInterface
  public interface Reply {
    Reply NONE = (outcome, tx) -> {};

    void to(Outcome outcome, Tx tx) throws SQLException;
  }

  private final Database db;
  private final Questions questions;
  private final Events events;
  private final Clock clock;
  private final Duration followUpAfter;

  public Decisions(Database db, Questions questions, Events events, Clock clock, Duration followUpAfter) {
    this.db = db;
    this.questions = questions;
    this.events = events;
    this.clock = clock;
    this.followUpAfter = followUpAfter;
  }

  public Outcome decide(Request request) {
    return decide(request, Reply.NONE);
  }

  /** Decides, and runs {@code reply} in the same transaction with the outcome, applied or not. */
  public Outcome decide(Request request, Reply reply) {
    long id = request.invitationId();
    return db.inTransaction(request.decision().word() + " invitation " + id, tx -> {
      Outcome outcome = decide(tx, request);
      reply.to(outcome, tx);
      return outcome;
    });
  }

  private Outcome decide(Tx tx, Request r) throws SQLException {
    long id = r.invitationId();
    Optional<Transitions.Standing> standing = Transitions.standing(tx, id);
    if (standing.isEmpty()) {
      return new Outcome.NotFound(id);
    }
    Transitions.Standing now = standing.get();
    if (!r.decision().allowedFrom(now.state())) {
      return refused(now, r.decision());
    }
    Optional<String> question = Optional.empty();
    if (r.decision() == Decision.ASK) {
      question = r.question().isPresent() ? r.question() : defaultQuestion(tx, id);
    }
    Instant at = clock.instant();
    OptionalInt version = Transitions.move(tx, now, r.decision().target(), r.actor(), at, detail(r.decision()));
    if (version.isEmpty()) {
      // Someone else moved it between the read and the write: theirs stands.
      return Transitions.standing(tx, id).<Outcome>map(winner -> refused(winner, r.decision()))
          .orElse(new Outcome.NotFound(id));
    }
    if (question.isPresent()) {
      AskedQuestions.save(tx, id, question.get(), r.actor(), at);
    }
    events.emit(tx, new Event.Decided(id, r.decision(), now.state(), r.decision().target(), r.actor(),
        version.getAsInt(), question, now.recipient()));
    return new Outcome.Applied(id, r.decision(), now.state(), r.decision().target());
  }

  private Optional<String> defaultQuestion(Tx tx, long id) throws SQLException {
    return Invitations.find(tx, id).map(questions::haveWeMet);
  }

  private Optional<String> detail(Decision decision) {
    return decision == Decision.WAIT
        ? Optional.of("waiting " + followUpAfter.toDays() + " more days for an answer")
        : Optional.empty();
  }

  private static Outcome refused(Transitions.Standing s, Decision wanted) {
    return new Outcome.Refused(s.invitationId(), s.state(), s.by(), s.at(), wanted);
  }

  // ------------------------------------------------------------------ the policy's own moves

  /** ASKED → FOLLOW_UP: no answer within followUpAfter. Whether it moved (another node may have). */
  boolean followUp(long id, String detail) {
    return byPolicy(id, State.ASKED, State.FOLLOW_UP, detail, (s, version) -> new Event.FollowUpDue(id, version, s.recipient()));
  }

  /** Declined for want of an answer within autoDeclineAfter; whether it moved. */
  boolean autoDecline(long id, String detail) {
    return db.inTransaction("decline invitation " + id, tx -> {
      Optional<Transitions.Standing> s = Transitions.standing(tx, id);
      if (s.isEmpty() || (s.get().state() != State.ASKED && s.get().state() != State.FOLLOW_UP)) {
        return false;
      }
      OptionalInt v = Transitions.move(tx, s.get(), State.DECLINED, Actor.POLICY, clock.instant(), Optional.of(detail));
      if (v.isPresent()) {
        events.emit(tx, new Event.Decided(id, Decision.DECLINE, s.get().state(), State.DECLINED, Actor.POLICY,
            v.getAsInt(), Optional.empty(), s.get().recipient()));
      }
      return v.isPresent();
    });
  }

  private boolean byPolicy(long id, State from, State to, String detail,
      java.util.function.BiFunction<Transitions.Standing, Integer, Event> event) {
    return db.inTransaction("move invitation " + id + " to " + to.name().toLowerCase(java.util.Locale.ROOT), tx -> {
      Optional<Transitions.Standing> s = Transitions.standing(tx, id);
      if (s.isEmpty() || s.get().state() != from) {
        return false;
      }
      OptionalInt v = Transitions.move(tx, s.get(), to, Actor.POLICY, clock.instant(), Optional.of(detail));
      if (v.isPresent()) {
        events.emit(tx, event.apply(s.get(), v.getAsInt()));
      }
      return v.isPresent();
    });
  }
}
