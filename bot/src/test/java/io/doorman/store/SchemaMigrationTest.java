package io.doorman.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Opening a database migrates it with Flyway only when there is something to migrate. */
class SchemaMigrationTest {

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> flyway = new ListAppender<>();
  private final Logger flywayLogger = (Logger) LoggerFactory.getLogger("org.flywaydb");
  private Level level;

  @BeforeEach
  void listen() {
    flyway.start();
    level = flywayLogger.getLevel();
    flywayLogger.setLevel(Level.INFO);
    flywayLogger.addAppender(flyway);
  }

  @AfterEach
  void stopListening() {
    flywayLogger.detachAppender(flyway);
    flywayLogger.setLevel(level);
  }

  @Test
  void schemaVersionNamesTheNewestMigration() throws IOException, URISyntaxException {
    Path migrations = Path.of(Objects.requireNonNull(Database.class.getResource("/db/migration")).toURI());
    Pattern versioned = Pattern.compile("V(\\d+)__.+\\.sql");
    int newest;
    try (Stream<Path> files = Files.list(migrations)) {
      newest = files.map(f -> versioned.matcher(f.getFileName().toString()))
          .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
    }
    assertEquals(newest, Database.SCHEMA_VERSION, "Database.SCHEMA_VERSION must follow the newest migration");
  }

  @Test
  void aNewDatabaseIsMigratedAndOneAlreadyCurrentOpensWithoutFlyway() {
    try (Database db = Database.h2File(dir)) {
      db.awaitReady();
    }
    assertFalse(flyway.list.isEmpty(), "Flyway created the schema");

    flyway.list.clear();
    try (Database again = Database.h2File(dir)) {
      new Invitations(again).countsByState();
    }
    assertTrue(flyway.list.isEmpty(), "nothing to migrate, so no Flyway: " + flyway.list);
  }

  @Test
  void aFailedMigrationInTheHistoryGoesToFlywayWhichRefusesIt() {
    try (Database db = Database.h2File(dir)) {
      db.inTransaction("record a failed migration", tx -> tx.update(
          "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
              + Database.SCHEMA_VERSION + "'", Tx.Binder.NONE));
    }
    flyway.list.clear();
    try (Database again = Database.h2File(dir)) {
      StoreException refused = assertThrows(StoreException.class, again::awaitReady);
      assertTrue(refused.getMessage().contains("cannot migrate the schema"), refused.getMessage());
    }
  }
}
