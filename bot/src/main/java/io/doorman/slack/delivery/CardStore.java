package io.doorman.slack.delivery;

import io.doorman.store.Database;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack tables (V5, V6): which card shows which invitation, what version of it the card
 * shows, and the thread posts that carry buttons (updated when their invitation moves on). Read
 * and written in the transaction of the Slack effect being sent or recorded.
 */
public final class CardStore {

  /** What of an invitation a card shows: its lifecycle version and how often it was seen. */
  record Versions(int version, int sightings) {
    static final Versions NONE = new Versions(-1, -1);
  }

  /** A posted card: where it is and which invitations it shows, oldest first. */
  public record Card(long id, String channel, String ts, List<Long> invitationIds) {}

  /** What a thread post is about. */
  enum PostKind { ASKED, WAITING_AGAIN, FOLLOW_UP, ANSWER }

  /** A thread post with buttons: where, about what ({@code rowId}: the answer's message), what version it shows. */
  record ThreadPost(long id, long invitationId, String channel, String ts, PostKind kind, long rowId, int version) {}

  private final Database db;
  private final Clock clock;

  public CardStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The card of one sender's invitations in a channel: their profile link, else their name. */
  static String groupKey(Optional<String> profileUrl, String senderName) {
    String key = profileUrl.map(p -> "in:" + p.toLowerCase(Locale.ROOT))
        .orElse("name:" + senderName.toLowerCase(Locale.ROOT));
    return key.length() > 600 ? key.substring(0, 600) : key;
  }

  /** Whether the invitation was handled already: posted, added to a card, or marked not for Slack. */
  boolean handled(Tx tx, long invitationId) throws SQLException {
    return tx.one("SELECT 1 FROM slack_card_invitations WHERE invitation_id = ?", p -> p.set(1, invitationId),
        r -> true).isPresent();
  }

  /** This invitation gets no card (decided before it was posted, or no channel takes it). */
  void markNotForSlack(Tx tx, long invitationId) throws SQLException {
    link(tx, invitationId, Optional.empty(), Versions.NONE);
  }

  /** The sender's card in this channel that still waits for a decision, to add an invitation to. */
  Optional<Long> openCardFor(Tx tx, String channel, String groupKey) throws SQLException {
    return tx.one("SELECT sc.id FROM slack_cards sc WHERE sc.channel = ? AND sc.group_key = ? AND EXISTS ("
        + "SELECT 1 FROM slack_card_invitations ci JOIN invitations i ON i.id = ci.invitation_id"
        + " WHERE ci.card_id = sc.id AND i.state NOT IN ('ACCEPTED', 'DECLINED'))"
        + " ORDER BY sc.id DESC FETCH FIRST 1 ROWS ONLY", p -> p.set(1, channel).set(2, groupKey), r -> r.longValue(1));
  }

  /** Adds an invitation to an existing card (the card's update that shows it is recorded with it). */
  void attach(Tx tx, long cardId, long invitationId) throws SQLException {
    link(tx, invitationId, Optional.of(cardId), Versions.NONE);
  }

  /** Slack took the card: where it is, and what it shows. */
  void recordPosted(Tx tx, String channel, String groupKey, String ts, long invitationId, Versions shown)
      throws SQLException {
    long cardId = tx.insert("INSERT INTO slack_cards (channel, group_key, ts, posted_at) VALUES (?, ?, ?, ?)",
        p -> p.set(1, channel).set(2, groupKey).set(3, ts).set(4, clock.instant()));
    link(tx, invitationId, Optional.of(cardId), shown);
  }

  private static void link(Tx tx, long invitationId, Optional<Long> cardId, Versions shown) throws SQLException {
    tx.update("INSERT INTO slack_card_invitations (invitation_id, card_id, rendered_version, rendered_sightings)"
        + " VALUES (?, ?, ?, ?)", p -> p.set(1, invitationId)
        .set(2, cardId.map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty()))
        .set(3, shown.version()).set(4, shown.sightings()));
  }

  Optional<Card> card(Tx tx, long cardId) throws SQLException {
    Optional<String[]> where = tx.one("SELECT channel, ts FROM slack_cards WHERE id = ?", p -> p.set(1, cardId),
        r -> new String[] {r.string("channel"), r.string("ts")});
    if (where.isEmpty()) {
      return Optional.empty();
    }
    List<Long> ids = tx.query("SELECT invitation_id FROM slack_card_invitations WHERE card_id = ? ORDER BY invitation_id",
        p -> p.set(1, cardId), r -> r.longValue(1));
    return Optional.of(new Card(cardId, where.get()[0], where.get()[1], ids));
  }

  /** The card showing this invitation, when it has been posted. */
  Optional<Card> cardOf(Tx tx, long invitationId) throws SQLException {
    Optional<Long> cardId = tx.one(
        "SELECT card_id FROM slack_card_invitations WHERE invitation_id = ? AND card_id IS NOT NULL",
        p -> p.set(1, invitationId), r -> r.longValue(1));
    return cardId.isEmpty() ? Optional.empty() : card(tx, cardId.get());
  }

  /** {@link #cardOf(Tx, long)} in a transaction of its own (who may click on it). */
  public Optional<Card> cardOf(long invitationId) {
    return db.inTransaction("find the Slack card of invitation " + invitationId, tx -> cardOf(tx, invitationId));
  }

  /** The versions of these invitations now, and those their card shows. */
  Map<Long, Versions> versions(Tx tx, List<Long> invitationIds) throws SQLException {
    Map<Long, Versions> out = new HashMap<>();
    for (long id : invitationIds) {
      tx.one("SELECT version, sightings FROM invitations WHERE id = ?", p -> p.set(1, id),
          r -> new Versions(r.intValue("version"), r.intValue("sightings"))).ifPresent(v -> out.put(id, v));
    }
    return out;
  }

  Map<Long, Versions> rendered(Tx tx, long cardId) throws SQLException {
    Map<Long, Versions> out = new HashMap<>();
    tx.query("SELECT invitation_id, rendered_version, rendered_sightings FROM slack_card_invitations WHERE card_id = ?",
        p -> p.set(1, cardId), r -> out.put(r.longValue("invitation_id"),
            new Versions(r.intValue("rendered_version"), r.intValue("rendered_sightings"))));
    return out;
  }

  /** The card now shows these versions (read before it was rendered, so a later change shows next). */
  void recordRendered(Tx tx, Map<Long, Versions> shown) throws SQLException {
    try (Tx.Batch batch = tx.batch(
        "UPDATE slack_card_invitations SET rendered_version = ?, rendered_sightings = ? WHERE invitation_id = ?")) {
      for (Map.Entry<Long, Versions> e : shown.entrySet()) {
        batch.add(p -> p.set(1, e.getValue().version()).set(2, e.getValue().sightings()).set(3, e.getKey()));
      }
      batch.flush();
    }
  }

  /** A thread post with buttons, to update once its invitation moves on. */
  void recordThreadPost(Tx tx, long invitationId, String channel, String ts, PostKind kind, long rowId, int version)
      throws SQLException {
    tx.update("INSERT INTO slack_thread_posts (invitation_id, channel, ts, kind, row_id, rendered_version)"
        + " VALUES (?, ?, ?, ?, ?, ?)", p -> p.set(1, invitationId).set(2, channel).set(3, ts).set(4, kind)
        .set(5, rowId).set(6, version));
  }

  /** The invitation's thread posts with buttons that show an older version than {@code version}. */
  List<ThreadPost> stalePosts(Tx tx, long invitationId, int version) throws SQLException {
    return tx.query("SELECT id, invitation_id, channel, ts, kind, row_id, rendered_version FROM slack_thread_posts"
        + " WHERE invitation_id = ? AND rendered_version <> ? ORDER BY id", p -> p.set(1, invitationId).set(2, version),
        r -> new ThreadPost(r.longValue("id"), r.longValue("invitation_id"), r.string("channel"), r.string("ts"),
            r.enumValue("kind", PostKind.class), r.longValue("row_id"), r.intValue("rendered_version")));
  }

  void recordPostRendered(Tx tx, long postId, int version) throws SQLException {
    tx.update("UPDATE slack_thread_posts SET rendered_version = ? WHERE id = ?", p -> p.set(1, version).set(2, postId));
  }

  /**
   * Invitations not in a final state that no card shows and no Slack post waits for: stored while
   * Slack was off, or by a process without it. Enqueued when Slack starts.
   */
  List<Unposted> unposted(Tx tx, long afterId, int limit) throws SQLException {
    return tx.query("SELECT i.id, i.recipient FROM invitations i LEFT JOIN slack_card_invitations ci"
        + " ON ci.invitation_id = i.id WHERE ci.invitation_id IS NULL AND i.id > ?"
        + " AND i.state NOT IN ('ACCEPTED', 'DECLINED') ORDER BY i.id FETCH FIRST " + limit + " ROWS ONLY",
        p -> p.set(1, afterId), r -> new Unposted(r.longValue("id"), r.optional("recipient")));
  }

  /** An invitation without a card yet, and whom it is for (what routes it). */
  record Unposted(long invitationId, Optional<String> recipient) {}

  /** Invitations whose card shows an older version than they are at (changed by a process without Slack). */
  List<Behind> behind(Tx tx, long afterId, int limit) throws SQLException {
    return tx.query("SELECT ci.invitation_id, sc.channel, i.version, i.sightings FROM slack_card_invitations ci"
        + " JOIN invitations i ON i.id = ci.invitation_id JOIN slack_cards sc ON sc.id = ci.card_id"
        + " WHERE ci.invitation_id > ? AND (i.version <> ci.rendered_version OR i.sightings <> ci.rendered_sightings)"
        + " ORDER BY ci.invitation_id FETCH FIRST " + limit + " ROWS ONLY", p -> p.set(1, afterId),
        r -> new Behind(r.longValue("invitation_id"), r.string("channel"), r.intValue("version"), r.intValue("sightings")));
  }

  /** A card behind its invitation: which, in which channel, at what version now. */
  record Behind(long invitationId, String channel, int version, int sightings) {}
}
