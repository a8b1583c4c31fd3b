package io.doorman.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One unit of work: a connection inside one transaction, the statements run on it, and what is to
 * happen once it has committed ({@link #afterCommit}). The one JDBC helper of the application:
 * every store speaks SQL through {@link #query}, {@link #one}, {@link #update} and {@link #insert},
 * with parameters set and columns read through {@link Params} and {@link Row}, the one place that
 * converts instants, enums and optionals. A decision, the outbox rows it causes and the event it
 * publishes share one {@code Tx}, so one user action is one transaction.
 */
public final class Tx {

  /** Sets a statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    Binder NONE = p -> {};

    void bind(Params p) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  public interface Mapper<T> {
    T map(Row row) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final List<Runnable> afterCommit = new ArrayList<>();

  Tx(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** Every row {@code sql} selects, in order. */
  public <T> List<T> query(String sql, Binder binder, Mapper<T> mapper) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(new Params(ps));
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        Row row = new Row(rs);
        while (rs.next()) {
          out.add(mapper.map(row));
        }
      }
      return out;
    }
  }

  /** The first row {@code sql} selects, if any. */
  public <T> Optional<T> one(String sql, Binder binder, Mapper<T> mapper) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(new Params(ps));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(mapper.map(new Row(rs))) : Optional.empty();
      }
    }
  }

  /** Runs an UPDATE, DELETE or INSERT; the number of rows it changed. */
  public int update(String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(new Params(ps));
      return ps.executeUpdate();
    }
  }

  /** Runs an INSERT into a table with an identity column {@code id}; the id it generated. */
  public long insert(String sql, Binder binder) throws SQLException {
    return insertReturningId(sql, binder).orElseThrow(() -> new SQLException("no row inserted: " + sql));
  }

  /**
   * Inserts a row unless one with the same unique key is there (another node's, say): true when
   * this inserted it. The transaction goes on either way.
   */
  public boolean insertUnlessTaken(String sql, Binder binder) throws SQLException {
    return dialect.insertUnlessTaken(sql, dialectSql -> {
      try (PreparedStatement ps = connection.prepareStatement(dialectSql)) {
        binder.bind(new Params(ps));
        return ps.executeUpdate() > 0 ? Optional.of(Boolean.TRUE) : Optional.empty();
      }
    }).isPresent();
  }

  /** {@link #insertUnlessTaken} for a table with an identity column: the new id, or empty when taken. */
  public Optional<Long> insertUnlessTakenReturningId(String sql, Binder binder) throws SQLException {
    return dialect.insertUnlessTaken(sql, dialectSql -> insertReturningIdAs(dialectSql, binder));
  }

  private Optional<Long> insertReturningId(String sql, Binder binder) throws SQLException {
    return insertReturningIdAs(sql, binder);
  }

  private Optional<Long> insertReturningIdAs(String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql, new String[] {"id"})) {
      binder.bind(new Params(ps));
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return Optional.of(keys.getLong(1));
      }
    }
  }

  /** A statement to run many times in this transaction (a batch of audit rows), closed by the caller. */
  public Batch batch(String sql) throws SQLException {
    return new Batch(connection.prepareStatement(sql));
  }

  /** One statement, many parameter sets, sent in one round trip by {@link #flush()}. */
  public static final class Batch implements AutoCloseable {
    private final PreparedStatement ps;
    private int queued;

    private Batch(PreparedStatement ps) {
      this.ps = ps;
    }

    public void add(Binder binder) throws SQLException {
      binder.bind(new Params(ps));
      ps.addBatch();
      queued++;
    }

    public void flush() throws SQLException {
      if (queued > 0) {
        ps.executeBatch();
        queued = 0;
      }
    }

    /** Forgets what is queued (after a rollback). */
    public void clear() throws SQLException {
      ps.clearBatch();
      queued = 0;
    }

    @Override
    public void close() throws SQLException {
      ps.close();
    }
  }

  /** Runs {@code action} once this transaction has committed; never when it rolls back. */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /** The after-commit actions so far, handed over (and forgotten) at a commit. */
  List<Runnable> takeAfterCommit() {
    List<Runnable> out = List.copyOf(afterCommit);
    afterCommit.clear();
    return out;
  }

  void forgetAfterCommit() {
    afterCommit.clear();
  }

  Connection connection() {
    return connection;
  }

  Dialect dialect() {
    return dialect;
  }
}
