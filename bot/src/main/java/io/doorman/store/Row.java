package io.doorman.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The current row of a result, read by column name; the reading half of {@link Params}. */
public final class Row {

  private final ResultSet rs;

  Row(ResultSet rs) {
    this.rs = rs;
  }

  public String string(String column) throws SQLException {
    return rs.getString(column);
  }

  public String string(int column) throws SQLException {
    return rs.getString(column);
  }

  public Optional<String> optional(String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  public byte[] bytes(String column) throws SQLException {
    return rs.getBytes(column);
  }

  public long longValue(String column) throws SQLException {
    return rs.getLong(column);
  }

  public long longValue(int column) throws SQLException {
    return rs.getLong(column);
  }

  public int intValue(String column) throws SQLException {
    return rs.getInt(column);
  }

  public boolean bool(int column) throws SQLException {
    return rs.getBoolean(column);
  }

  public OptionalInt optionalInt(String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
  }

  public OptionalLong optionalLong(String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
  }

  public Instant instant(String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  public Optional<Instant> optionalInstant(String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  public <E extends Enum<E>> E enumValue(String column, Class<E> type) throws SQLException {
    return Enum.valueOf(type, rs.getString(column));
  }

  public <E extends Enum<E>> Optional<E> optionalEnum(String column, Class<E> type) throws SQLException {
    String v = rs.getString(column);
    return v == null ? Optional.empty() : Optional.of(Enum.valueOf(type, v));
  }
}
