package io.doorman.learning;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.learning.Model;
import io.doorman.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import java.util.Set;

/**
 * What learning needs from the store: the decisions people made (the audit log's moves to
 * accepted, declined or asked by a person), their "wrong category" corrections (V16), and the
 * learned models, versioned per team (V15).
 */
public final class LearningStore {

  /** One invitation as a person decided it. */
  public record Decided(long id, Invitation invitation, String decision, Instant at) {}

  /** One invitation and the category a person said is the right one. */
  public record Corrected(long id, Invitation invitation, Category category, Instant at) {}

  /** A stored model and how it stands. */
  public record Stored(Model model, Optional<Set<String>> recipients, String state) {}

  /** A rollback: the version retired and the one active again. */
  public record Rolledback(String team, int retired, int active) {}

  private static final String INVITATION = "i.id, i.invitation_key, i.recipient, i.sender_name,"
      + " i.sender_headline, i.sender_location, i.profile_url, i.accept_url, i.note,"
      + " i.mutual_connections, i.authenticity, i.language, i.source";
  private static final String PEOPLE = "('slack', 'email', 'console')";

  private final Database db;

  public LearningStore(Database db) {
    this.db = db;
  }

  /**
   * Each invitation's latest decision by a person (accepted, declined or asked), oldest first;
   * with {@code recipients}, only invitations for them.
   */
  public List<Decided> decisions(Optional<Set<String>> recipients) {
    return db.inConnection("read decisions", c -> {
      String sql = "SELECT " + INVITATION + ", a.to_state, a.at FROM invitations i JOIN audit_log a"
          + " ON a.invitation_id = i.id WHERE a.channel IN " + PEOPLE
          + " AND a.to_state IN ('ACCEPTED', 'DECLINED', 'ASKED') AND a.id = (SELECT MAX(b.id)"
          + " FROM audit_log b WHERE b.invitation_id = i.id AND b.channel IN " + PEOPLE
          + " AND b.to_state IN ('ACCEPTED', 'DECLINED', 'ASKED')) ORDER BY a.at, i.id";
      List<Decided> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Invitation inv = invitation(rs);
          if (forTeam(inv, recipients)) {
            out.add(new Decided(rs.getLong("id"), inv, rs.getString("to_state"),
                instant(rs, "at")));
          }
        }
      }
      return out;
    });
  }

  /** Each invitation's latest "wrong category" correction, oldest first. */
  public List<Corrected> corrections(Optional<Set<String>> recipients) {
    return db.inConnection("read corrections", c -> {
      String sql = "SELECT " + INVITATION + ", f.category AS corrected, f.at FROM invitations i"
          + " JOIN category_feedback f ON f.invitation_id = i.id WHERE f.id = (SELECT MAX(g.id)"
          + " FROM category_feedback g WHERE g.invitation_id = i.id) ORDER BY f.at, i.id";
      List<Corrected> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Invitation inv = invitation(rs);
          Optional<Category> category = category(rs.getString("corrected"));
          if (forTeam(inv, recipients) && category.isPresent()) {
            out.add(new Corrected(rs.getLong("id"), inv, category.get(), instant(rs, "at")));
          }
        }
      }
      return out;
    });
  }

  /**
   * Records "wrong category": the category a person says is right. False when there is no such
   * invitation.
   */
  public boolean correct(long invitationId, Category category, String actor, String channel,
      Instant at) {
    return db.inConnection("record a category correction", c -> {
      try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM invitations WHERE id = ?")) {
        check.setLong(1, invitationId);
        try (ResultSet rs = check.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO category_feedback"
          + " (invitation_id, category, actor, channel, at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setLong(1, invitationId);
        ps.setString(2, category.wireName());
        ps.setString(3, actor.length() > 300 ? actor.substring(0, 300) : actor);
        ps.setString(4, channel);
        ps.setObject(5, at.atOffset(ZoneOffset.UTC));
        ps.executeUpdate();
      }
      return true;
    });
  }

  /** Stores a new version of the team's model and makes it the active one; the stored model. */
  public Model save(Model model, Optional<Set<String>> recipients, Instant at) {
    String team = model.info().team();
    return db.inConnection("store a learned model", c -> {
      int version = 1;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT MAX(version) FROM learned_models WHERE team = ?")) {
        ps.setString(1, team);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getObject(1) != null) {
            version = rs.getInt(1) + 1;
          }
        }
      }
      Model stored = model.withVersion(version);
      try (PreparedStatement ps = c.prepareStatement("UPDATE learned_models SET state = 'inactive'"
          + " WHERE team = ? AND state = 'active'")) {
        ps.setString(1, team);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO learned_models (team, version,"
          + " recipients, trained_at, decisions, corrections, seeds, agreement, state, model)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)")) {
        ps.setString(1, team);
        ps.setInt(2, version);
        if (recipients.isPresent()) {
          ps.setString(3, String.join(",", new java.util.TreeSet<>(recipients.get())));
        } else {
          ps.setNull(3, Types.VARCHAR);
        }
        ps.setObject(4, at.atOffset(ZoneOffset.UTC));
        ps.setInt(5, stored.info().decisions());
        ps.setInt(6, stored.info().corrections());
        ps.setInt(7, stored.info().seeds());
        double agreement = stored.info().actionAgreement();
        if (Double.isNaN(agreement)) {
          ps.setNull(8, Types.DOUBLE);
        } else {
          ps.setDouble(8, agreement);
        }
        ps.setBytes(9, stored.bytes());
        ps.executeUpdate();
      }
      return stored;
    });
  }

  /** The labels ({@code team vN}) of the active models, by team: cheap, no model read. */
  public List<String> activeLabels() {
    return db.inConnection("read active model versions", c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT team, version FROM learned_models"
          + " WHERE state = 'active' ORDER BY team");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + " v" + rs.getInt(2));
        }
      }
      return out;
    });
  }

  /** Every team's active model. */
  public List<Stored> active() {
    return db.inConnection("read learned models", c -> {
      List<Stored> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT recipients, state, model FROM"
          + " learned_models WHERE state = 'active' ORDER BY team");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(stored(rs));
        }
      }
      return out;
    });
  }

  /**
   * When the team's newest model was trained, and whether it is still standing: after {@code
   * --rollback} the newest is retired, and the nightly retrain leaves the team alone.
   */
  public record Newest(Instant trainedAt, boolean retired) {}

  public Optional<Newest> newest(String team) {
    return db.inConnection("read a team's newest model", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT trained_at, state FROM learned_models"
          + " WHERE team = ? ORDER BY version DESC")) {
        ps.setString(1, team);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Newest(instant(rs, "trained_at"),
              rs.getString("state").equals("retired"))) : Optional.empty();
        }
      }
    });
  }

  /**
   * Retires the team's active model and makes the newest one before it active again; empty when
   * there is none to go back to (nothing changes then).
   */
  public Optional<Rolledback> rollback(String team) {
    return db.inConnection("roll back a learned model", c -> {
      OptionalInt current = version(c, team, "state = 'active'");
      if (current.isEmpty()) {
        return Optional.empty();
      }
      OptionalInt previous = version(c, team, "state = 'inactive' AND version < "
          + current.getAsInt());
      if (previous.isEmpty()) {
        return Optional.empty();
      }
      setState(c, team, current.getAsInt(), "retired");
      setState(c, team, previous.getAsInt(), "active");
      return Optional.of(new Rolledback(team, current.getAsInt(), previous.getAsInt()));
    });
  }

  /** The teams that have a model, active or not. */
  public List<String> teams() {
    return db.inConnection("read teams with models", c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT team FROM learned_models ORDER BY team");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  /** The recipients a team's newest model was trained for (empty: everyone). */
  public Optional<Set<String>> recipientsOf(String team) {
    return db.inConnection("read a team's recipients", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT recipients FROM learned_models"
          + " WHERE team = ? ORDER BY version DESC")) {
        ps.setString(1, team);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? recipients(rs.getString(1)) : Optional.<Set<String>>empty();
        }
      }
    });
  }

  private static OptionalInt version(Connection c, String team, String where)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM learned_models"
        + " WHERE team = ? AND " + where)) {
      ps.setString(1, team);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getObject(1) != null ? OptionalInt.of(rs.getInt(1))
            : OptionalInt.empty();
      }
    }
  }

  private static void setState(Connection c, String team, int version, String state)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE learned_models SET state = ? WHERE team = ? AND version = ?")) {
      ps.setString(1, state);
      ps.setString(2, team);
      ps.setInt(3, version);
      ps.executeUpdate();
    }
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    return new Stored(Model.read(rs.getBytes("model")), recipients(rs.getString("recipients")),
        rs.getString("state"));
  }

  private static Optional<Set<String>> recipients(String list) {
    if (list == null || list.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Set.of(list.split(",")));
  }

  static boolean forTeam(Invitation inv, Optional<Set<String>> recipients) {
    if (recipients.isEmpty()) {
      return true;
    }
    String r = inv.origin().recipient().orElse("").strip().toLowerCase(Locale.ROOT);
    return recipients.get().stream().anyMatch(x -> x.strip().toLowerCase(Locale.ROOT).equals(r));
  }

  /** An invitation rebuilt from its row, as the parser made it. */
  static Invitation invitation(ResultSet rs) throws SQLException {
    int mutual = rs.getInt("mutual_connections");
    boolean noMutual = rs.wasNull();
    String key = rs.getString("invitation_key");
    Authenticity authenticity = Authenticity.UNVERIFIED;
    for (Authenticity a : Authenticity.values()) {
      if (a.wireName().equals(rs.getString("authenticity"))) {
        authenticity = a;
      }
    }
    Origin origin = new Origin(rs.getString("source"), Optional.empty(),
        Optional.ofNullable(rs.getString("recipient")), authenticity, Optional.empty(),
        Language.ofCode(rs.getString("language")).orElse(Language.EN));
    Person sender = new Person(rs.getString("sender_name"),
        Optional.ofNullable(rs.getString("sender_headline")),
        Optional.ofNullable(rs.getString("sender_location")),
        Optional.ofNullable(rs.getString("profile_url")));
    return new Invitation(origin, sender,
        noMutual ? OptionalInt.empty() : OptionalInt.of(mutual),
        Optional.ofNullable(rs.getString("note")), Optional.ofNullable(rs.getString("accept_url")),
        key.startsWith("id:") ? Optional.of(key.substring(3)) : Optional.empty(), false);
  }

  static Optional<Category> category(String wire) {
    for (Category c : Category.values()) {
      if (c.wireName().equals(wire)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
