package io.doorman.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the tests that need one, started on first use and stopped with the
 * JVM; each caller gets a fresh database on it. Where it cannot start, tests are skipped (failed in
 * CI), with the reason.
 */
public final class TestPostgres {

  private static EmbeddedPostgres server;
  private static String failure;
  private static final AtomicInteger n = new AtomicInteger();

  private TestPostgres() {}

  /** A new, empty, migrated database on the shared server. */
  public static Database freshDatabase() {
    return open(freshUrl());
  }

  /** The database at {@code url} (from {@link #freshUrl}) opened once more: a restart, a second node. */
  public static Database open(String url) {
    return Database.at(url, Optional.of("postgres"), Optional.empty());
  }

  /** The JDBC URL of a new, empty database on the shared server. */
  public static synchronized String freshUrl() {
    if (server == null && failure == null) {
      try {
        server = EmbeddedPostgres.builder().start();
        EmbeddedPostgres s = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            s.close();
          } catch (Exception ignored) {
            // the JVM is exiting; the directory is temporary
          }
        }));
      } catch (Exception e) {
        failure = e.toString();
      }
    }
    if (failure != null && System.getenv("CI") != null) {
      throw new AssertionError("PostgreSQL must run in CI but could not start: " + failure);
    }
    assumeTrue(failure == null, "PostgreSQL could not start here: " + failure);
    String name = "doorman_shared_" + n.getAndIncrement();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new AssertionError("cannot create database " + name, e);
    }
    return server.getJdbcUrl("postgres", name);
  }
}
