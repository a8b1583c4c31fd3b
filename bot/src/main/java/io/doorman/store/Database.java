package io.doorman.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.Optional;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store lives: an H2 file under a data directory by default, or PostgreSQL by URL.
 * Opening it migrates the schema to the newest version and logs which database it is, once. The
 * opening runs in the background (on a fresh database it is most of the start-up time) while the
 * rest of the application is built; the first transaction waits for it, and a database that could
 * not be opened fails every transaction with the reason.
 * Transactions borrow connections from a small pool, so a Slack click or an IMAP message costs no
 * new connection (a PostgreSQL login is milliseconds; a new H2 session starts with an empty
 * statement cache).
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final Object MIGRATING = new Object();

  /**
   * The newest schema version, {@code V<n>__…sql} under {@code db/migration} (a test keeps the two
   * in step). A database already there opens without Flyway, which costs half a second of start-up
   * for nothing to do.
   */
  static final int SCHEMA_VERSION = 18;

  private final String url;
  private final String user;
  private final String password;
  private final CompletableFuture<Opened> opened;

  /**
   * The database once open: what it is, its pool of migrated connections, and for H2 the first
   * connection, held until {@link #close()} so that the embedded database stays open while the
   * pool renews its connections, and closes (cleanly, on disk) when the last user closes it.
   */
  private record Opened(Dialect dialect, HikariDataSource pool, Optional<Connection> anchor) {}

  private Database(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.opened = CompletableFuture.supplyAsync(this::open, Database::openingThread);
  }

  private Opened open() {
    Connection first;
    Dialect dialect;
    try {
      first = DriverManager.getConnection(url, user, password);
      dialect = Dialect.of(first);
    } catch (SQLException e) {
      throw new StoreException("cannot open the database at " + redact(url), e);
    }
    Optional<Connection> anchor = dialect.closesWithLastConnection() ? Optional.of(first) : Optional.empty();
    if (anchor.isEmpty()) {
      closeQuietly(first);
    }
    try {
      HikariDataSource pool = migrated(pool(url, user, password, dialect));
      log.info("store: {} at {}", dialect.name(), redact(url));
      return new Opened(dialect, pool, anchor);
    } catch (RuntimeException e) {
      anchor.ifPresent(Database::closeQuietly);
      throw e;
    }
  }

  /** The pool, its schema migrated to the newest version; closed when that fails. */
  private HikariDataSource migrated(HikariDataSource pool) {
    try {
      // One migration at a time in this process: two openings of one H2 file migrating at once
      // break inside H2 (PostgreSQL serialises them itself, with Flyway's lock).
      synchronized (MIGRATING) {
        if (!schemaIsCurrent(pool)) {
          Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        }
      }
      return pool;
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the schema of " + redact(url) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether every migration up to {@link #SCHEMA_VERSION} has been applied (by this build or a
   * newer one), none failed: Flyway's own history says so. Anything else, a new database
   * included, goes to Flyway.
   */
  private static boolean schemaIsCurrent(HikariDataSource pool) {
    String sql = "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL";
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        var rows = ps.executeQuery()) {
      int newest = 0;
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        newest = Math.max(newest, Integer.parseInt(rows.getString(1)));
      }
      return newest >= SCHEMA_VERSION;
    } catch (SQLException | NumberFormatException e) {
      return false; // no history yet, or not one this build reads: Flyway decides
    }
  }

  /** Closes a connection that is done with, after a failure or not: the failure is what counts. */
  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("closing a connection failed: {}", e.getMessage());
    }
  }

  private static void openingThread(Runnable opening) {
    Thread t = new Thread(opening, "doorman-store-open");
    t.setDaemon(true);
    t.start();
  }

  /** Returns once the store is ready for work (open, schema migrated); else why it is not. */
  public void awaitReady() {
    opened();
  }

  private Opened opened() {
    try {
      return opened.join();
    } catch (CompletionException | CancellationException e) {
      if (e.getCause() instanceof StoreException s) {
        throw s;
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreException("cannot open the database at " + redact(url) + ": " + cause.getMessage(), cause);
    }
  }

  private static HikariDataSource pool(String url, String user, String password, Dialect dialect) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("doorman-store");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    config.setIdleTimeout(Duration.ofSeconds(30).toMillis());
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    dialect.connectionSetup().ifPresent(config::setConnectionInitSql);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the database at " + redact(url), e);
    }
  }

  /** The embedded default: {@code DIR/doorman.mv.db}, created when missing. */
  public static Database h2File(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the data directory " + dataDir, e);
    }
    String file = dataDir.toAbsolutePath().resolve("doorman").toString();
    // WRITE_DELAY=0: every commit is on disk before it returns. The file stays open while this
    // Database does (see Opened) and closes with it. DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown
    // hook would close the database while doorman run's hook is still storing the email in hand
    // (committed, then failing on close, so never moved out of the inbox). TRACE_LEVEL_FILE=0: no
    // doorman.trace.db beside it, repeating errors Doorman reports itself (and, on every new
    // database, Flyway's look for its table).
    return new Database(
        "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0",
        "sa", "");
  }

  /** A database by JDBC URL (PostgreSQL or H2), user and password optional. */
  public static Database at(String jdbcUrl, Optional<String> user, Optional<String> password) {
    return new Database(jdbcUrl, user.orElse(null), password.orElse(null));
  }

  /** A pooled connection, set up for durable commits; the caller closes it (back to the pool). */
  Connection connect() {
    HikariDataSource pool = opened().pool();
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + redact(url), e);
    }
  }

  /**
   * A connection of its own, outside the pool, for work that changes the session's settings (a
   * bulk load); the caller closes it.
   */
  Connection connectAlone() {
    Dialect dialect = opened().dialect();
    try {
      Connection c = DriverManager.getConnection(url, user, password);
      if (dialect.connectionSetup().isPresent()) {
        try (var statement = c.createStatement()) {
          statement.execute(dialect.connectionSetup().get());
        }
      }
      return c;
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + redact(url), e);
    }
  }

  /**
   * Closes the pool's connections (an embedded database closes with the last of them); waits for
   * an opening still under way first, so nothing is written after this returns. Transactions
   * after this fail.
   */
  @Override
  public void close() {
    try {
      Opened open = opened();
      open.pool().close();
      open.anchor().ifPresent(last -> closeLast(open.dialect(), last));
    } catch (StoreException e) {
      // Never opened: nothing to close; whoever used the store was told why.
    }
  }

  /** Closes the connection that closes the database, after the dialect's last work on it. */
  private static void closeLast(Dialect dialect, Connection last) {
    try {
      dialect.closing(last).ifPresent(log::info);
    } catch (SQLException e) {
      // Everything is committed and on disk already; only the tidying was lost.
      log.warn("closing the database: {}", e.getMessage());
    } finally {
      closeQuietly(last);
    }
  }

  /** Work on one connection inside one transaction (the stores not yet on {@link Tx}). */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** {@link #inTransaction} on the bare connection. */
  public <T> T inConnection(String what, Work<T> work) {
    return inTransaction(what, tx -> work.run(tx.connection()));
  }

  /** One unit of work on a {@link Tx}. */
  public interface TxWork<T> {
    T run(Tx tx) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, committed (and so on disk) before this returns, rolled
   * back on any failure; then runs what the work asked to happen after the commit. {@code what}
   * names the work for the error message ("cannot " + what); a unique-key violation that escapes
   * the work is a {@link UniqueViolation}.
   */
  public <T> T inTransaction(String what, TxWork<T> work) {
    T result;
    List<Runnable> after;
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      Tx tx = new Tx(c, dialect());
      try {
        result = work.run(tx);
        c.commit();
        after = tx.takeAfterCommit();
      } catch (SQLException | RuntimeException e) {
        tx.forgetAfterCommit();
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw StoreException.of("cannot " + what, e);
    }
    after.forEach(Runnable::run);
    return result;
  }

  /**
   * A unit of work on a connection of its own that the caller commits step by step (a batch of
   * ingests): see {@link Session}.
   */
  Session session(boolean alone) {
    Connection c = alone ? connectAlone() : connect();
    try {
      c.setAutoCommit(false);
    } catch (SQLException e) {
      closeQuietly(c);
      throw StoreException.of("cannot start a transaction", e);
    }
    return new Session(new Tx(c, dialect()));
  }

  /** A {@link Tx} committed by its owner whenever it likes, then closed. */
  static final class Session implements AutoCloseable {
    private final Tx tx;

    private Session(Tx tx) {
      this.tx = tx;
    }

    Tx tx() {
      return tx;
    }

    /** Commits, then runs what was to happen after it. */
    void commit() throws SQLException {
      tx.connection().commit();
      tx.takeAfterCommit().forEach(Runnable::run);
    }

    void rollback() throws SQLException {
      tx.forgetAfterCommit();
      tx.connection().rollback();
    }

    @Override
    public void close() {
      closeQuietly(tx.connection());
    }
  }

  Dialect dialect() {
    return opened().dialect();
  }

  /** Whether the database lives in this process (H2's file): one process at a time uses it. */
  public boolean embedded() {
    return dialect().closesWithLastConnection();
  }

  public String dialectName() {
    return dialect().name();
  }

  /** The URL without a password parameter, for logs and messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
