package io.doorman.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A statement's parameters, set by position. With {@link Row}, the one place that writes Java
 * values as SQL: instants as {@code TIMESTAMP WITH TIME ZONE} in UTC, enums by name, empty
 * optionals as NULL, and text cut to its column's width.
 */
public final class Params {

  private final PreparedStatement ps;

  Params(PreparedStatement ps) {
    this.ps = ps;
  }

  public Params set(int index, String value) throws SQLException {
    ps.setString(index, value);
    return this;
  }

  /** Text cut to a column's width with an ellipsis, so an overlong value is stored shortened, never refused. */
  public Params set(int index, String value, int width) throws SQLException {
    ps.setString(index, fit(value, width));
    return this;
  }

  public Params set(int index, byte[] value) throws SQLException {
    ps.setBytes(index, value);
    return this;
  }

  public Params set(int index, long value) throws SQLException {
    ps.setLong(index, value);
    return this;
  }

  public Params set(int index, int value) throws SQLException {
    ps.setInt(index, value);
    return this;
  }

  public Params set(int index, boolean value) throws SQLException {
    ps.setBoolean(index, value);
    return this;
  }

  public Params set(int index, Instant value) throws SQLException {
    ps.setObject(index, value.atOffset(ZoneOffset.UTC));
    return this;
  }

  public Params set(int index, Enum<?> value) throws SQLException {
    ps.setString(index, value.name());
    return this;
  }

  public Params set(int index, Optional<String> value) throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
    return this;
  }

  public Params set(int index, Optional<String> value, int width) throws SQLException {
    return set(index, value.map(v -> fit(v, width)));
  }

  public Params set(int index, OptionalInt value) throws SQLException {
    if (value.isPresent()) {
      ps.setInt(index, value.getAsInt());
    } else {
      ps.setNull(index, Types.INTEGER);
    }
    return this;
  }

  public Params set(int index, OptionalLong value) throws SQLException {
    if (value.isPresent()) {
      ps.setLong(index, value.getAsLong());
    } else {
      ps.setNull(index, Types.BIGINT);
    }
    return this;
  }

  /** An optional instant, NULL when empty. */
  public Params setInstant(int index, Optional<Instant> value) throws SQLException {
    if (value.isPresent()) {
      set(index, value.get());
    } else {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    return this;
  }

  static String fit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
