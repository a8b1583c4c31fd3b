package io.doorman.slack.outbox;

import io.doorman.lifecycle.State;
import io.doorman.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack tables (migration V5): which card shows which invitation, what version of it the card
 * shows, how far each thread is, and the questions edited in the Ask modal. Every method is one
 * committed transaction through {@link Database#inTransaction}.
 */
public final class CardStore {

  /** An invitation with no card row yet: the next to post, in id order. */
  record Uncarded(long invitationId, Optional<String> recipient, String groupKey, State state) {}

  /** What of an invitation a card shows: its lifecycle version and how often it was seen. */
  record Versions(int version, int sightings) {}

  /** A posted card: where it is and which invitations it shows, oldest first. */
  public record Card(long id, String channel, String ts, List<Long> invitationIds) {}

  /** What a thread post is about. */
  enum EventKind { ASKED, WAITING_AGAIN, FOLLOW_UP, ANSWER }

  /** One thread post to make: about {@code rowId} (an audit or a message row) of an invitation. */
  record ThreadEvent(
      long cardId, String channel, String ts, long invitationId, EventKind kind, long rowId, String actor) {}

  private final Database db;
  private final Clock clock;

  public CardStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Invitations from {@code fromId} on without a card row, in id order. */
  List<Uncarded> uncarded(long fromId, int limit) {
    return db.inConnection("find invitations to post to Slack", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT i.id, i.recipient, i.profile_url, i.sender_name, i.state FROM invitations i"
              + " LEFT JOIN slack_card_invitations ci ON ci.invitation_id = i.id"
              + " WHERE ci.invitation_id IS NULL AND i.id >= ? ORDER BY i.id FETCH FIRST " + limit + " ROWS ONLY")) {
        ps.setLong(1, fromId);
        List<Uncarded> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String profile = rs.getString("profile_url");
            String key = profile != null
                ? "in:" + profile.toLowerCase(Locale.ROOT)
                : "name:" + rs.getString("sender_name").toLowerCase(Locale.ROOT);
            out.add(new Uncarded(rs.getLong("id"), Optional.ofNullable(rs.getString("recipient")),
                key.length() > 600 ? key.substring(0, 600) : key, State.valueOf(rs.getString("state"))));
          }
        }
        return out;
      }
    });
  }

  /** These invitations get no card (decided before they were posted, or no channel takes them). */
  void markNotForSlack(List<Long> invitationIds) {
    if (invitationIds.isEmpty()) {
      return;
    }
    db.inConnection("mark " + invitationIds.size() + " invitations as not for Slack", c -> {
      for (long id : invitationIds) {
        insertLink(c, id, Optional.empty(), new Versions(-1, -1));
      }
      return null;
    });
  }

  /** The sender's card in this channel that still waits for a decision, to add an invitation to. */
  Optional<Long> cardFor(String channel, String groupKey) {
    return db.inConnection("find the Slack card of " + groupKey, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT sc.id FROM slack_cards sc WHERE sc.channel = ? AND sc.group_key = ? AND EXISTS ("
              + "SELECT 1 FROM slack_card_invitations ci JOIN invitations i ON i.id = ci.invitation_id"
              + " WHERE ci.card_id = sc.id AND i.state NOT IN ('ACCEPTED', 'DECLINED'))"
              + " ORDER BY sc.id DESC FETCH FIRST 1 ROWS ONLY")) {
        ps.setString(1, channel);
        ps.setString(2, groupKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
      }
    });
  }

  /** Adds an invitation to an existing card, to be shown by its next update. */
  void attach(long cardId, long invitationId) {
    db.inConnection("add invitation " + invitationId + " to Slack card " + cardId, c -> {
      insertLink(c, invitationId, Optional.of(cardId), new Versions(-1, -1));
      return null;
    });
  }

  /** Slack took the card: remember where it is and what it shows. */
  void recordPosted(String channel, String groupKey, String ts, long invitationId, Versions shown) {
    db.inConnection("record the Slack card of invitation " + invitationId, c -> {
      long cardId;
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO slack_cards (channel, group_key, ts, posted_at) VALUES (?, ?, ?, ?)", new String[] {"id"})) {
        ps.setString(1, channel);
        ps.setString(2, groupKey);
        ps.setString(3, ts);
        ps.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          cardId = keys.getLong(1);
        }
      }
      insertLink(c, invitationId, Optional.of(cardId), shown);
      return null;
    });
  }

  private static void insertLink(Connection c, long invitationId, Optional<Long> cardId, Versions shown)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO slack_card_invitations (invitation_id, card_id, rendered_version, rendered_sightings,"
            + " audit_through, messages_through) VALUES (?, ?, ?, ?, 0, 0)")) {
      ps.setLong(1, invitationId);
      if (cardId.isPresent()) {
        ps.setLong(2, cardId.get());
      } else {
        ps.setNull(2, Types.BIGINT);
      }
      ps.setInt(3, shown.version());
      ps.setInt(4, shown.sightings());
      ps.executeUpdate();
    }
  }

  /** Cards showing an invitation that changed since they were rendered, oldest card first. */
  List<Long> changedCards(int limit) {
    return db.inConnection("find Slack cards to update", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT ci.card_id FROM slack_card_invitations ci JOIN invitations i ON i.id = ci.invitation_id"
              + " WHERE ci.card_id IS NOT NULL AND (i.version <> ci.rendered_version"
              + " OR i.sightings <> ci.rendered_sightings) ORDER BY ci.card_id FETCH FIRST " + limit + " ROWS ONLY")) {
        return longs(ps);
      }
    });
  }

  public Optional<Card> card(long cardId) {
    return db.inConnection("read Slack card " + cardId, c -> {
      String channel;
      String ts;
      try (PreparedStatement ps = c.prepareStatement("SELECT channel, ts FROM slack_cards WHERE id = ?")) {
        ps.setLong(1, cardId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          channel = rs.getString(1);
          ts = rs.getString(2);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT invitation_id FROM slack_card_invitations WHERE card_id = ? ORDER BY invitation_id")) {
        ps.setLong(1, cardId);
        return Optional.of(new Card(cardId, channel, ts, longs(ps)));
      }
    });
  }

  /** The card showing this invitation, when it has been posted. */
  public Optional<Card> cardOf(long invitationId) {
    Optional<Long> cardId = db.inConnection("find the Slack card of invitation " + invitationId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT card_id FROM slack_card_invitations WHERE invitation_id = ? AND card_id IS NOT NULL")) {
        ps.setLong(1, invitationId);
        List<Long> ids = longs(ps);
        return ids.isEmpty() ? Optional.<Long>empty() : Optional.of(ids.get(0));
      }
    });
    return cardId.flatMap(this::card);
  }

  Map<Long, Versions> versions(List<Long> invitationIds) {
    return db.inConnection("read invitation versions", c -> {
      Map<Long, Versions> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT version, sightings FROM invitations WHERE id = ?")) {
        for (long id : invitationIds) {
          ps.setLong(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              out.put(id, new Versions(rs.getInt(1), rs.getInt(2)));
            }
          }
        }
      }
      return out;
    });
  }

  /** The card now shows these versions (read before it was rendered, so a later change shows next). */
  void recordRendered(Map<Long, Versions> shown) {
    db.inConnection("record a Slack card update", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE slack_card_invitations SET rendered_version = ?, rendered_sightings = ? WHERE invitation_id = ?")) {
        for (Map.Entry<Long, Versions> e : shown.entrySet()) {
          ps.setInt(1, e.getValue().version());
          ps.setInt(2, e.getValue().sightings());
          ps.setLong(3, e.getKey());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** Thread posts not yet made, in the order they happened (questions and nudges before answers). */
  List<ThreadEvent> threadEvents(int limit) {
    return db.inConnection("find Slack thread posts to make", c -> {
      List<ThreadEvent> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ci.card_id, sc.channel, sc.ts, a.invitation_id, a.id, a.from_state, a.to_state, a.actor"
              + " FROM slack_card_invitations ci JOIN slack_cards sc ON sc.id = ci.card_id"
              + " JOIN audit_log a ON a.invitation_id = ci.invitation_id"
              + " WHERE a.id > ci.audit_through AND a.to_state IN ('ASKED', 'FOLLOW_UP')"
              + " ORDER BY a.id FETCH FIRST " + limit + " ROWS ONLY")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            EventKind kind = "FOLLOW_UP".equals(rs.getString("to_state")) ? EventKind.FOLLOW_UP
                : "FOLLOW_UP".equals(rs.getString("from_state")) ? EventKind.WAITING_AGAIN : EventKind.ASKED;
            out.add(new ThreadEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), kind, rs.getLong(5),
                rs.getString("actor")));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ci.card_id, sc.channel, sc.ts, m.invitation_id, m.id"
              + " FROM slack_card_invitations ci JOIN slack_cards sc ON sc.id = ci.card_id"
              + " JOIN messages m ON m.invitation_id = ci.invitation_id"
              + " WHERE m.id > ci.messages_through ORDER BY m.id FETCH FIRST " + limit + " ROWS ONLY")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ThreadEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                EventKind.ANSWER, rs.getLong(5), ""));
          }
        }
      }
      return out;
    });
  }

  /**
   * The thread post for {@code event} was made (or is to be skipped); when it carries buttons
   * ({@code posted} holds its ts), remember it so it is updated once the invitation moves on.
   */
  void recordThreaded(ThreadEvent event, Optional<String> posted, Versions shown) {
    String column = event.kind() == EventKind.ANSWER ? "messages_through" : "audit_through";
    db.inConnection("record a Slack thread post", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE slack_card_invitations SET " + column + " = ? WHERE invitation_id = ? AND " + column + " < ?")) {
        ps.setLong(1, event.rowId());
        ps.setLong(2, event.invitationId());
        ps.setLong(3, event.rowId());
        ps.executeUpdate();
      }
      if (posted.isPresent()) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO slack_thread_posts (invitation_id, channel, ts, kind, row_id, rendered_version)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, event.invitationId());
          ps.setString(2, event.channel());
          ps.setString(3, posted.get());
          ps.setString(4, event.kind().name());
          ps.setLong(5, event.rowId());
          ps.setInt(6, shown.version());
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  /** A thread post with buttons, whose invitation moved on since it was rendered. */
  record StalePost(long id, ThreadEvent event, String postTs, int version) {}

  List<StalePost> stalePosts(int limit) {
    return db.inConnection("find Slack thread posts to update", c -> {
      List<StalePost> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT tp.id, tp.invitation_id, tp.channel, tp.ts, tp.kind, tp.row_id, i.version"
              + " FROM slack_thread_posts tp JOIN invitations i ON i.id = tp.invitation_id"
              + " WHERE i.version <> tp.rendered_version ORDER BY tp.id FETCH FIRST " + limit + " ROWS ONLY")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ThreadEvent e = new ThreadEvent(0, rs.getString("channel"), "", rs.getLong("invitation_id"),
                EventKind.valueOf(rs.getString("kind")), rs.getLong("row_id"), "");
            out.add(new StalePost(rs.getLong("id"), e, rs.getString("ts"), rs.getInt("version")));
          }
        }
      }
      return out;
    });
  }

  void recordPostRendered(long postId, int version) {
    db.inConnection("record a Slack thread post update", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE slack_thread_posts SET rendered_version = ? WHERE id = ?")) {
        ps.setInt(1, version);
        ps.setLong(2, postId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  // ------------------------------------------------------------------ the posting node

  /** Takes or renews the outbox lease for {@code node} until {@code until}; whether it holds it. */
  boolean lease(String node, Instant until) {
    return db.inConnection("take the Slack outbox lease", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE slack_outbox_lease SET holder = ?, expires_at = ? WHERE id = 1 AND (holder = ? OR expires_at < ?)")) {
        ps.setString(1, node);
        ps.setObject(2, until.atOffset(ZoneOffset.UTC));
        ps.setString(3, node);
        ps.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Gives the lease up, so another node (or this one, restarted) posts at once. */
  void release(String node) {
    db.inConnection("release the Slack outbox lease", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE slack_outbox_lease SET expires_at = ? WHERE id = 1 AND holder = ?")) {
        ps.setObject(1, Instant.EPOCH.atOffset(ZoneOffset.UTC));
        ps.setString(2, node);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static List<Long> longs(PreparedStatement ps) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
