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
   * The clause that makes an insert of an invitation already stored by someone else a no-op
   * rather than an error, or empty where a savepoint must catch the unique violation instead
   * (PostgreSQL needs the clause: a savepoint per row would overflow its subtransaction cache).
   */
  String onDuplicateKeyIgnore();

  /**
   * Whether the database lives in this process and closes when its last connection does (H2),
   * so that one connection must stay open while the store is in use.
   */
  boolean closesWithLastConnection();

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

    @Override
    public String onDuplicateKeyIgnore() {
      return "";
    }

    @Override
    public boolean closesWithLastConnection() {
      return true;
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

    @Override
    public String onDuplicateKeyIgnore() {
      return " ON CONFLICT (invitation_key) DO NOTHING";
    }

    @Override
    public boolean closesWithLastConnection() {
      return false;
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
