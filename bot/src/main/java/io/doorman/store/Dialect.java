package io.doorman.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** What differs between the databases Doorman runs on; chosen from the connection. */
interface Dialect {

  String name();

  /** The statement each new connection runs so that a commit is on disk before it returns. */
  Optional<String> connectionSetup();

  /**
   * For a bulk load whose result nobody outside is told of until it ends (the command line's
   * {@code ingest} of a mailbox): commits may reach the disk a moment later, so that writing
   * happens beside the work instead of inside every commit. A crash loses at most the last moment,
   * which the next run reads again (ingest is idempotent).
   */
  void beginBulk(Connection connection) throws SQLException;

  /** Back to durable commits, and everything committed so far flushed to disk. */
  void endBulk(Connection connection) throws SQLException;

  /**
   * Runs an INSERT that may meet a row with the same unique key, stored by another node or thread
   * a moment ago: what {@code insert} made of it, or empty when the key was taken; the transaction
   * goes on either way. {@code insert} prepares and runs the SQL this dialect hands it.
   */
  <T> Optional<T> insertUnlessTaken(String insertSql, Insert<T> insert) throws SQLException;

  /** Prepares, binds and runs an INSERT: what it made (a generated id, say), empty when no row was inserted. */
  interface Insert<T> {
    Optional<T> run(String sql) throws SQLException;
  }

  /**
   * Whether the database lives in this process and closes when its last connection does (H2),
   * so that one connection must stay open while the store is in use.
   */
  boolean closesWithLastConnection();

  /**
   * Last work on the connection that closes the database, when the database does: what was done,
   * to be logged, if anything.
   */
  Optional<String> closing(Connection last) throws SQLException;

  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return new Postgres();
    }
    if (product.contains("h2")) {
      return new H2();
    }
    throw new SQLException("unsupported database: " + product + " (Doorman runs on H2 and PostgreSQL)");
  }

  /** H2: the file URL carries WRITE_DELAY=0, so each commit is written through at once. */
  final class H2 implements Dialect {
    @Override
    public String name() {
      return "H2";
    }

    @Override
    public Optional<String> connectionSetup() {
      return Optional.empty();
    }

    @Override
    public void beginBulk(Connection connection) throws SQLException {
      execute(connection, "SET WRITE_DELAY 500");
    }

    @Override
    public void endBulk(Connection connection) throws SQLException {
      execute(connection, "SET WRITE_DELAY 0");
      execute(connection, "CHECKPOINT SYNC");
    }

    /**
     * H2 has no ON CONFLICT outside its compatibility modes, but it rolls back only the statement
     * that failed, so the unique violation is simply caught. (A savepoint would cost a statement
     * of its own, parsed anew each time for its new name, per stored invitation.)
     */
    @Override
    public <T> Optional<T> insertUnlessTaken(String insertSql, Insert<T> insert) throws SQLException {
      try {
        return insert.run(insertSql);
      } catch (SQLException e) {
        if (!StoreException.isUniqueViolation(e)) {
          throw e;
        }
        return Optional.empty();
      }
    }

    @Override
    public boolean closesWithLastConnection() {
      return true;
    }

    /**
     * Compacts the file when most of it is space that earlier writes left behind. H2 writes every
     * change anew and reuses freed space only bit by bit, so a bulk load leaves a file mostly dead:
     * 370 MB for 40 MB of data after 100,000 emails. SHUTDOWN COMPACT writes the live data into a
     * new file, syncs it and renames it over the old one, so a crash meanwhile leaves the old file.
     */
    @Override
    public Optional<String> closing(Connection last) throws SQLException {
      return compactIfMostlyDead(last, FileSpace.WORTH_COMPACTING);
    }

    static Optional<String> compactIfMostlyDead(Connection last, FileSpace.Limits limits)
        throws SQLException {
      Optional<FileSpace> before = FileSpace.of(last);
      if (before.isEmpty() || !before.get().worthCompacting(limits)) {
        return Optional.empty();
      }
      long start = System.nanoTime();
      execute(last, "SHUTDOWN COMPACT");
      return Optional.of(String.format(Locale.ROOT, "compacted the database file from %s (%d%% live) in %.1f s",
          FileSpace.megabytes(before.get().fileBytes()), before.get().livePercent(),
          (System.nanoTime() - start) / 1e9));
    }
  }

  /** PostgreSQL with synchronous_commit on, whatever the server's default. */
  final class Postgres implements Dialect {
    @Override
    public String name() {
      return "PostgreSQL";
    }

    @Override
    public Optional<String> connectionSetup() {
      return Optional.of("SET synchronous_commit TO on");
    }

    @Override
    public void beginBulk(Connection connection) throws SQLException {
      execute(connection, "SET synchronous_commit TO off");
    }

    /** A synchronous commit waits for the log up to itself, so every earlier commit is on disk too. */
    @Override
    public void endBulk(Connection connection) throws SQLException {
      execute(connection, "SET synchronous_commit TO on");
      connection.commit();
    }

    /** The clause, not a savepoint: one per row of a bulk load would overflow the subtransaction cache. */
    @Override
    public <T> Optional<T> insertUnlessTaken(String insertSql, Insert<T> insert) throws SQLException {
      return insert.run(insertSql + " ON CONFLICT DO NOTHING");
    }

    @Override
    public boolean closesWithLastConnection() {
      return false;
    }

    @Override
    public Optional<String> closing(Connection last) {
      return Optional.empty();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
