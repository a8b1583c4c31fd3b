package io.doorman.cli.store;

import io.doorman.decisions.Decisions;
import io.doorman.decisions.FollowUps;
import io.doorman.decisions.Questions;
import io.doorman.events.Events;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Database;
import io.doorman.ingest.MailReader;
import io.doorman.intake.Intake;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the store is: an H2 file under {@code --data-dir} (default), or PostgreSQL by URL. */
public final class StoreOptions {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "${env:DOORMAN_DATA_DIR:-data}",
      description = "Directory of the embedded H2 database (default ./data, or $DOORMAN_DATA_DIR).")
  Path dataDir;

  @Option(
      names = "--db",
      paramLabel = "URL",
      defaultValue = "${env:DOORMAN_DB_URL}",
      description = "JDBC URL of a database to use instead, e.g. jdbc:postgresql://localhost/doorman (or $DOORMAN_DB_URL).")
  String url;

  @Option(names = "--db-user", defaultValue = "${env:DOORMAN_DB_USER}", description = "Database user (or $DOORMAN_DB_USER).")
  String user;

  @Option(
      names = "--db-password",
      defaultValue = "${env:DOORMAN_DB_PASSWORD}",
      description = "Database password (or $DOORMAN_DB_PASSWORD).",
      interactive = false)
  String password;

  /** Where mail that is not LinkedIn's waits for a human, when it arrived through a pipe. */
  Path reviewDir() {
    return dataDir.resolve("review");
  }

  /** The store, open until the command closes it: an embedded database then closes cleanly. */
  public Opened open() {
    Database db =
        url == null || url.isBlank()
            ? Database.h2File(dataDir)
            : Database.at(url, Optional.ofNullable(user), Optional.ofNullable(password));
    try {
      db.awaitReady(); // a command has nothing to do meanwhile, and reports a bad store at once
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new Opened(db);
  }

  /** An open store, its parts, and the database under them, closed together. */
  public record Opened(Database database) implements AutoCloseable {
    Invitations invitations() {
      return new Invitations(database);
    }

    Ingestion ingestion() {
      return new Ingestion(database, Clock.systemUTC());
    }

    /** The decision service on this store, with the policy's texts and timings. */
    Decisions decisions(Policy policy) {
      return new Decisions(database, new Questions(policy), new Events(), Clock.systemUTC(), policy.followUpAfter());
    }

    FollowUps followUps(Policy policy) {
      return new FollowUps(invitations(), decisions(policy), Clock.systemUTC(), policy.followUpAfter(),
          policy.autoDeclineAfter());
    }

    Intake intake(Policy policy) {
      return new Intake(new MailReader(), policy, ingestion(), new Events());
    }

    @Override
    public void close() {
      database.close();
    }
  }
}
