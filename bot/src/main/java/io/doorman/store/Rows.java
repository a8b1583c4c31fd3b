package io.doorman.store;

import io.doorman.lifecycle.State;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reading and writing the store's rows: the one place that knows column names and types. */
final class Rows {

  static final String INVITATION_COLUMNS =
      "id, invitation_key, recipient, sender_name, sender_headline, sender_location, profile_url,"
          + " accept_url, note, mutual_connections, authenticity, language, category,"
          + " suggested_action, reasons, state, state_by, state_at, sightings, first_seen,"
          + " last_seen, source";

  static final String MESSAGE_COLUMNS =
      "id, sender_name, recipient, body, reply_class, suggested_action, invitation_id,"
          + " received_at, source";

  private Rows() {}

  static StoredInvitation invitation(ResultSet rs) throws SQLException {
    int mutual = rs.getInt("mutual_connections");
    boolean noMutual = rs.wasNull();
    String reasons = rs.getString("reasons");
    return new StoredInvitation(
        rs.getLong("id"),
        rs.getString("invitation_key"),
        optional(rs, "recipient"),
        rs.getString("sender_name"),
        optional(rs, "sender_headline"),
        optional(rs, "sender_location"),
        optional(rs, "profile_url"),
        optional(rs, "accept_url"),
        optional(rs, "note"),
        noMutual ? OptionalInt.empty() : OptionalInt.of(mutual),
        rs.getString("authenticity"),
        rs.getString("language"),
        rs.getString("category"),
        rs.getString("suggested_action"),
        reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
        State.valueOf(rs.getString("state")),
        rs.getString("state_by"),
        instant(rs, "state_at"),
        rs.getInt("sightings"),
        instant(rs, "first_seen"),
        instant(rs, "last_seen"),
        rs.getString("source"));
  }

  static StoredMessage message(ResultSet rs) throws SQLException {
    long invitation = rs.getLong("invitation_id");
    boolean unmatched = rs.wasNull();
    return new StoredMessage(
        rs.getLong("id"),
        rs.getString("sender_name"),
        optional(rs, "recipient"),
        rs.getString("body"),
        rs.getString("reply_class"),
        rs.getString("suggested_action"),
        unmatched ? OptionalLong.empty() : OptionalLong.of(invitation),
        instant(rs, "received_at"),
        rs.getString("source"));
  }

  static AuditEntry audit(ResultSet rs) throws SQLException {
    String from = rs.getString("from_state");
    return new AuditEntry(
        rs.getLong("invitation_id"),
        instant(rs, "at"),
        rs.getString("actor"),
        Optional.ofNullable(rs.getString("actor_name")).orElse(rs.getString("actor")),
        rs.getString("channel"),
        Optional.ofNullable(from).map(State::valueOf),
        State.valueOf(rs.getString("to_state")),
        optional(rs, "detail"));
  }

  static Optional<String> optional(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static void set(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  static void set(PreparedStatement ps, int index, OptionalInt value) throws SQLException {
    if (value.isPresent()) {
      ps.setInt(index, value.getAsInt());
    } else {
      ps.setNull(index, Types.INTEGER);
    }
  }

  static void set(PreparedStatement ps, int index, Instant value) throws SQLException {
    ps.setObject(index, value.atOffset(ZoneOffset.UTC));
  }

  /** Text cut to a column's width, so an overlong note is stored shortened, never refused. */
  static String fit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
