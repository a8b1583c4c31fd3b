package io.doorman.store;

import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.State;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Person;
import io.doorman.policies.Reply;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.Verdict;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The statements of ingesting, in the caller's transaction: store an invitation or count another
 * sighting, read what the team knows of its sender, store a message and match it to the question
 * it answers. {@link Ingestion} runs them one email at a time or in batches.
 */
final class IngestSql {

  /**
   * What the store holds about an invitation's sender, read in one query: the team signals, and
   * the row of this very invitation when it is stored under the same sender (so ingesting it after
   * needs no second look-up).
   */
  record SenderRows(String key, TeamSignals signals, OptionalLong sameInvitation, int sameSightings) {}

  /** Where a new invitation's audit row goes: written now, or queued until a batch commits. */
  @FunctionalInterface
  interface AuditSink {
    void write(Transitions.AuditRow row) throws SQLException;
  }

  static final String INSERT_INVITATION =
      "INSERT INTO invitations (invitation_key, recipient, sender_name, sender_headline,"
          + " sender_location, profile_url, accept_url, note, mutual_connections, authenticity,"
          + " language, category, suggested_action, reasons, state, state_by, state_at, version,"
          + " sightings, first_seen, last_seen, source)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?)";

  private static final String INSERT_MESSAGE =
      "INSERT INTO messages (message_key, sender_name, recipient, body, reply_class,"
          + " suggested_action, invitation_id, received_at, source)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private IngestSql() {}

  /**
   * Stores an invitation or counts another sighting. With {@code sender} (read just before, for
   * the team signals) the look-up by key is skipped: the invitation's own row, when there is one,
   * was among its sender's rows; in the rare case it is stored under another sender link, the
   * insert finds the key taken and counts the sighting all the same.
   */
  static Ingestion.Ingested ingest(Tx tx, Invitation invitation, Verdict verdict, Instant now, AuditSink audit,
      Optional<SenderRows> sender) throws SQLException {
    if (sender.isPresent() && sender.get().sameInvitation().isPresent()) {
      long id = sender.get().sameInvitation().getAsLong();
      countSighting(tx, id, now);
      return new Ingestion.Ingested(id, false, sender.get().sameSightings() + 1);
    }
    Optional<Ingestion.Ingested> known = sender.isPresent() ? Optional.empty() : countSighting(tx, invitation.key(), now);
    if (known.isPresent()) {
      return known.get();
    }
    Optional<Long> id = tx.insertUnlessTakenReturningId(INSERT_INVITATION, p -> bindInvitation(p, invitation, verdict, now));
    if (id.isEmpty()) {
      // Another node stored it between our look-up and insert: count the sighting instead.
      return countSighting(tx, invitation.key(), now).orElseThrow();
    }
    audit.write(new Transitions.AuditRow(id.get(), now, Actor.POLICY, Optional.of(State.NEW), State.PENDING,
        Optional.of(verdict.category().wireName() + " -> " + verdict.action().wireName())));
    return new Ingestion.Ingested(id.get(), true, 1);
  }

  private static void bindInvitation(Params p, Invitation i, Verdict v, Instant now) throws SQLException {
    Person s = i.sender();
    p.set(1, i.key(), 1000).set(2, i.origin().recipient(), 300).set(3, s.name(), 300).set(4, s.headline(), 1000)
        .set(5, s.location(), 300).set(6, s.profileUrl(), 2000).set(7, i.acceptUrl(), 2000).set(8, i.note(), 10000)
        .set(9, i.mutualConnections()).set(10, i.origin().authenticity().wireName())
        .set(11, i.origin().language().code()).set(12, v.category().wireName()).set(13, v.action().wireName())
        .set(14, String.join("\n", v.reasons()), 10000).set(15, State.PENDING).set(16, Actor.POLICY.id())
        .set(17, now).set(18, now).set(19, now).set(20, i.origin().source(), 2000);
  }

  private static void countSighting(Tx tx, long id, Instant now) throws SQLException {
    tx.update("UPDATE invitations SET sightings = sightings + 1, last_seen = ? WHERE id = ?",
        p -> p.set(1, now).set(2, id));
  }

  /** The invitation with this key, its sighting counted; empty when there is none. */
  private static Optional<Ingestion.Ingested> countSighting(Tx tx, String key, Instant now) throws SQLException {
    Optional<Ingestion.Ingested> known = tx.one("SELECT id, sightings FROM invitations WHERE invitation_key = ?",
        p -> p.set(1, key), r -> new Ingestion.Ingested(r.longValue("id"), false, r.intValue("sightings") + 1));
    if (known.isPresent()) {
      countSighting(tx, known.get().invitationId(), now);
    }
    return known;
  }

  /**
   * What the team knows about this invitation's sender: when they invited teammates before (other
   * recipients in this store, which serves one team), and whether anyone declined them.
   */
  static SenderRows senderRows(Tx tx, Invitation i, Instant now) throws SQLException {
    boolean byProfile = i.sender().profileUrl().isPresent();
    String sql = "SELECT id, invitation_key, recipient, first_seen, state, sightings FROM invitations WHERE "
        + (byProfile ? "profile_url = ?" : "sender_name = ?");
    List<Duration> ages = new ArrayList<>();
    boolean[] declined = {false};
    OptionalLong[] same = {OptionalLong.empty()};
    int[] sameSightings = {0};
    tx.query(sql, p -> p.set(1, byProfile ? i.sender().profileUrl().get() : i.sender().name()), r -> {
      if (r.string("invitation_key").equals(i.key())) {
        same[0] = OptionalLong.of(r.longValue("id"));
        sameSightings[0] = r.intValue("sightings");
        return null;
      }
      declined[0] |= State.DECLINED.name().equals(r.string("state"));
      Optional<String> recipient = r.optional("recipient");
      boolean teammate = recipient.isEmpty() || !recipient.get().equalsIgnoreCase(i.origin().recipient().orElse(""));
      if (teammate) {
        Duration age = Duration.between(r.instant("first_seen"), now);
        ages.add(age.isNegative() ? Duration.ZERO : age);
      }
      return null;
    });
    return new SenderRows(i.key(), new TeamSignals(ages, declined[0]), same[0], sameSightings[0]);
  }

  /**
   * Stores a message notification unless its key is taken (seen before, or stored by another node
   * just now). From a sender whose invitation to the same recipient is ASKED (or waiting for a
   * follow-up), it is the answer: that invitation becomes ANSWERED. Otherwise it is kept,
   * unmatched, to be listed.
   */
  static Ingestion.MessageIngested ingestMessage(Tx tx, Message message, Reply reply, Instant now) throws SQLException {
    String key = message.origin().messageId().orElse(message.origin().source() + "|" + message.sender().name()
        + "|" + message.text().hashCode());
    OptionalLong asked = askedInvitation(tx, message);
    Optional<Long> stored = tx.insertUnlessTakenReturningId(INSERT_MESSAGE, p -> p.set(1, key, 1000)
        .set(2, message.sender().name(), 300).set(3, message.origin().recipient(), 300).set(4, message.text(), 10000)
        .set(5, reply.replyClass().wireName()).set(6, reply.action().wireName()).set(7, asked).set(8, now)
        .set(9, message.origin().source(), 2000));
    if (stored.isEmpty()) {
      return new Ingestion.MessageIngested(true, OptionalLong.empty(), 0, OptionalInt.empty(), Optional.empty());
    }
    if (asked.isPresent()) {
      Actor sender = new Actor(message.sender().name(), Channel.INGEST);
      Optional<Transitions.Standing> standing = Transitions.standing(tx, asked.getAsLong());
      if (standing.isEmpty() || !standing.get().state().canMoveTo(State.ANSWERED)) {
        return new Ingestion.MessageIngested(false, OptionalLong.empty(), stored.get(), OptionalInt.empty(), Optional.empty());
      }
      String detail = "answered: " + reply.replyClass().wireName() + " -> " + reply.action().wireName();
      // A rare row beside a batch's queued ones: written at once, in the same transaction.
      OptionalInt version = Transitions.move(tx, standing.get(), State.ANSWERED, sender, now, Optional.of(detail));
      if (version.isEmpty()) {
        return new Ingestion.MessageIngested(false, OptionalLong.empty(), stored.get(), OptionalInt.empty(), Optional.empty());
      }
      return new Ingestion.MessageIngested(false, asked, stored.get(), version, standing.get().recipient());
    }
    return new Ingestion.MessageIngested(false, asked, stored.get(), OptionalInt.empty(), Optional.empty());
  }

  /**
   * The asked invitation this message answers: one from the same sender to the same recipient,
   * waiting for an answer. A spoofed message answers nothing. Where both the message and the
   * invitation link the sender's profile by its public name ({@code /in/…}), the two must be the
   * same member: a display name alone is anyone's to take.
   */
  private static OptionalLong askedInvitation(Tx tx, Message m) throws SQLException {
    if (m.origin().authenticity() == Authenticity.SPOOFED) {
      return OptionalLong.empty();
    }
    Optional<String> messageMember = m.sender().profileUrl().flatMap(IngestSql::memberName);
    List<Optional<Long>> matches = tx.query(
        "SELECT id, recipient, profile_url FROM invitations WHERE LOWER(sender_name) = ? AND state IN ('ASKED', 'FOLLOW_UP')"
            + " ORDER BY state_at DESC", p -> p.set(1, m.sender().name().toLowerCase(Locale.ROOT)), r -> {
              Optional<String> recipient = r.optional("recipient");
              boolean sameRecipient = recipient.isEmpty() || m.origin().recipient().isEmpty()
                  || recipient.get().equalsIgnoreCase(m.origin().recipient().get());
              Optional<String> invitedBy = r.optional("profile_url").flatMap(IngestSql::memberName);
              boolean sameMember = messageMember.isEmpty() || invitedBy.isEmpty() || messageMember.equals(invitedBy);
              return sameRecipient && sameMember ? Optional.of(r.longValue("id")) : Optional.<Long>empty();
            });
    return matches.stream().flatMap(Optional::stream).mapToLong(Long::longValue).findFirst();
  }

  /** The member's public name in a profile link ({@code …/in/jane-doe-1a2b}), lower case. */
  static Optional<String> memberName(String profileUrl) {
    String u = profileUrl.toLowerCase(Locale.ROOT);
    int at = u.indexOf("/in/");
    if (at < 0) {
      return Optional.empty();
    }
    int from = at + 4;
    int end = from;
    while (end < u.length() && "/?#".indexOf(u.charAt(end)) < 0) {
      end++;
    }
    return end > from ? Optional.of(u.substring(from, end)) : Optional.empty();
  }

}
