package io.doorman.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases Doorman runs on; chosen from the connection. */
interface Dialect {

  String name();

  /** Settings each new connection needs so that a commit is on disk before it returns. */
  void prepare(Connection connection) throws SQLException;

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
    public void prepare(Connection connection) {}
  }

  /** PostgreSQL with synchronous_commit on, whatever the server's default. */
  final class Postgres implements Dialect {
    @Override
    public String name() {
      return "PostgreSQL";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
      try (var statement = connection.createStatement()) {
        statement.execute("SET synchronous_commit TO on");
      }
    }
  }
}
