package io.doorman.store;

import io.doorman.lifecycle.Actor;
import io.doorman.policies.Notification;
import io.doorman.policies.Other;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Emails with a notification that could not be read completely, kept with the original until a
 * person has looked (the console's "Needs a look" tab, {@code doorman list --problems}). An email
 * is kept once however often it comes in; a notification that was stored (an invitation) is
 * linked, so it can be decided from there.
 */
public final class NeedsALook {

  /**
   * One email to look at.
   *
   * @param problems what could not be read, one each
   * @param invitationId the invitation stored from it, when one was
   */
  public record Entry(
      long id, String source, Optional<String> messageId, String kind, Optional<String> subject,
      List<String> problems, OptionalLong invitationId, Instant receivedAt) {}

  private static final String COLUMNS =
      "id, source, message_id, kind, subject, problems, invitation_id, received_at";

  private final Database db;

  public NeedsALook(Database db) {
    this.db = db;
  }

  /**
   * Keeps an email whose notification has problems, in the transaction that stores the rest of it;
   * true when it is kept for the first time.
   */
  public static boolean keep(Tx tx, byte[] original, Notification n, OptionalLong invitationId, Instant at)
      throws SQLException {
    String subject = n instanceof Other o ? o.subject() : null;
    return tx.insertUnlessTaken(
        "INSERT INTO needs_a_look (email_key, source, message_id, kind, subject, problems, invitation_id, original,"
            + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p -> p.set(1, key(original)).set(2, n.origin().source(), 1000).set(3, n.origin().messageId(), 1000)
            .set(4, n.kind().wireName()).set(5, Optional.ofNullable(subject), 1000)
            .set(6, String.join("\n", n.origin().problems()), 4000).set(7, invitationId).set(8, original).set(9, at));
  }

  /** The emails no one has looked at yet, oldest first, at most {@code limit} after {@code afterId}. */
  public List<Entry> open(int limit, long afterId) {
    return db.inTransaction("list what needs a look", tx -> tx.query(
        "SELECT " + COLUMNS + " FROM needs_a_look WHERE looked_at IS NULL AND id > ? ORDER BY id"
            + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
        p -> p.set(1, afterId), NeedsALook::entry));
  }

  /** How many emails no one has looked at yet. */
  public long count() {
    return db.inTransaction("count what needs a look", tx -> tx.one(
        "SELECT COUNT(*) FROM needs_a_look WHERE looked_at IS NULL", Tx.Binder.NONE, r -> r.longValue(1))
        .orElse(0L));
  }

  public Optional<Entry> find(long id) {
    return db.inTransaction("read what needs a look", tx -> tx.one(
        "SELECT " + COLUMNS + " FROM needs_a_look WHERE id = ?", p -> p.set(1, id), NeedsALook::entry));
  }

  /** The email as it came in. */
  public Optional<byte[]> original(long id) {
    return db.inTransaction("read an original email", tx -> tx.one(
        "SELECT original FROM needs_a_look WHERE id = ?", p -> p.set(1, id), r -> r.bytes("original")));
  }

  /** Someone has looked: it leaves the list. False when it was not there or already looked at. */
  public boolean looked(long id, Actor by, Instant at) {
    return db.inTransaction("mark as looked at", tx -> tx.update(
        "UPDATE needs_a_look SET looked_at = ?, looked_by = ? WHERE id = ? AND looked_at IS NULL",
        p -> p.set(1, at).set(2, by.id(), 300).set(3, id)) == 1);
  }

  private static Entry entry(Row r) throws SQLException {
    return new Entry(
        r.longValue("id"), r.string("source"), r.optional("message_id"), r.string("kind"), r.optional("subject"),
        List.of(r.string("problems").split("\n")), r.optionalLong("invitation_id"), r.instant("received_at"));
  }

  static String key(byte[] original) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JVM", e);
    }
  }

  /** The original as text for a person to read (its bytes as Latin-1 never fail to decode). */
  public static String asText(byte[] original) {
    return new String(original, StandardCharsets.ISO_8859_1);
  }
}
