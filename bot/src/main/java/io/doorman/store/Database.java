package io.doorman.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store lives: an H2 file under a data directory by default, or PostgreSQL by URL.
 * Opening it migrates the schema to the newest version and logs which database it is, once.
 */
public final class Database {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final String url;
  private final String user;
  private final String password;
  private final Dialect dialect;

  private Database(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      this.dialect = Dialect.of(c);
    } catch (SQLException e) {
      throw new StoreException("cannot open the database at " + redact(url), e);
    }
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    log.info("store: {} at {}", dialect.name(), redact(url));
  }

  /** The embedded default: {@code DIR/doorman.mv.db}, created when missing. */
  public static Database h2File(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the data directory " + dataDir, e);
    }
    String file = dataDir.toAbsolutePath().resolve("doorman").toString();
    // WRITE_DELAY=0: every commit is on disk before it returns. DB_CLOSE_DELAY=-1: the file stays
    // open between transactions instead of being reopened for each.
    return new Database("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** A database by JDBC URL (PostgreSQL or H2), user and password optional. */
  public static Database at(String jdbcUrl, Optional<String> user, Optional<String> password) {
    return new Database(jdbcUrl, user.orElse(null), password.orElse(null));
  }

  /** A new connection, prepared for durable commits; the caller closes it. */
  Connection connect() {
    try {
      Connection c = DriverManager.getConnection(url, user, password);
      dialect.prepare(c);
      return c;
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + redact(url), e);
    }
  }

  /** Work on one connection inside one transaction. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, committed (and so on disk) before this returns, rolled
   * back on any failure. {@code what} names the work for the error message ("cannot " + what).
   * Other stores of the application (Slack cards, mail leases) use this rather than connections.
   */
  public <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  /** Sets the parameters of one statement. */
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs one INSERT inside {@link #inTransaction} work; false when a unique key says the row is
   * already there (another node was first), with the transaction still usable on both databases.
   */
  public static boolean insertIfAbsent(Connection c, String sql, Binder binder) throws SQLException {
    Savepoint before = c.setSavepoint();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) { // unique violation on H2 and PostgreSQL
        c.rollback(before);
        return false;
      }
      throw e;
    }
  }

  public String dialectName() {
    return dialect.name();
  }

  /** The URL without a password parameter, for logs and messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
