package io.doorman.store;

import io.doorman.lifecycle.State;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The invitation tables' columns, and their rows read as records: the one place that knows them. */
final class Rows {

  static final String INVITATION_COLUMNS =
      "id, invitation_key, recipient, sender_name, sender_headline, sender_location, profile_url,"
          + " accept_url, note, mutual_connections, authenticity, language, category,"
          + " suggested_action, reasons, state, state_by, state_at, sightings, first_seen,"
          + " last_seen, source";

  static final String MESSAGE_COLUMNS =
      "id, sender_name, recipient, body, reply_class, suggested_action, invitation_id,"
          + " received_at, source";

  static final String AUDIT_COLUMNS =
      "invitation_id, at, actor, actor_name, channel, from_state, to_state, detail";

  private Rows() {}

  static StoredInvitation invitation(Row r) throws SQLException {
    String reasons = r.string("reasons");
    return new StoredInvitation(
        r.longValue("id"),
        r.string("invitation_key"),
        r.optional("recipient"),
        r.string("sender_name"),
        r.optional("sender_headline"),
        r.optional("sender_location"),
        r.optional("profile_url"),
        r.optional("accept_url"),
        r.optional("note"),
        r.optionalInt("mutual_connections"),
        r.string("authenticity"),
        r.string("language"),
        r.string("category"),
        r.string("suggested_action"),
        reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
        r.enumValue("state", State.class),
        r.string("state_by"),
        r.instant("state_at"),
        r.intValue("sightings"),
        r.instant("first_seen"),
        r.instant("last_seen"),
        r.string("source"));
  }

  static StoredMessage message(Row r) throws SQLException {
    return new StoredMessage(
        r.longValue("id"),
        r.string("sender_name"),
        r.optional("recipient"),
        r.string("body"),
        r.string("reply_class"),
        r.string("suggested_action"),
        r.optionalLong("invitation_id"),
        r.instant("received_at"),
        r.string("source"));
  }

  static AuditEntry audit(Row r) throws SQLException {
    String actor = r.string("actor");
    return new AuditEntry(
        r.longValue("invitation_id"),
        r.instant("at"),
        actor,
        r.optional("actor_name").orElse(actor),
        r.string("channel"),
        r.optionalEnum("from_state", State.class),
        r.enumValue("to_state", State.class),
        r.optional("detail"));
  }
}
