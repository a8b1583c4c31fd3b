package io.doorman.app;

import io.doorman.testing.All;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.store.Database;
import io.doorman.store.Invitations;
import io.doorman.testing.Emails;
import io.doorman.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doorman run} as a real process, sent SIGTERM in the middle of a backlog: it says it is
 * stopping, exits, and every file that left the inbox is in the store.
 */
class SigtermTest {

  @TempDir Path dir;

  @Test
  void sigtermMidBacklogStopsGracefullyAndLosesNothing() throws Exception {
    Path inbox = dir.resolve("inbox");
    int total = 400;
    Emails.writeBacklog(inbox, total);
    Path output = dir.resolve("run.out");
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.doorman.cli.Main", "run")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    pb.environment().put("DOORMAN_HTTP_PORT", "0");
    pb.environment().put("DOORMAN_DATA_DIR", dir.resolve("data").toString());
    pb.environment().put("DOORMAN_INBOX_DIR", inbox.toString());
    Process run = pb.start();
    try {
      Eventually.within(Duration.ofSeconds(60), "doorman run started and took some mail",
          () -> read(output).contains("Doorman is running") && Emails.fileCount(inbox.resolve(".processed")) >= 20);
      run.destroy(); // SIGTERM
      assertTrue(run.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");
    } finally {
      run.destroyForcibly();
    }
    String said = read(output);
    assertTrue(said.contains("stopping: finishing mail in hand") && said.contains("stopped"), said);

    long processed = Emails.fileCount(inbox.resolve(".processed"));
    long left = Emails.fileCount(inbox);
    assertTrue(left > 0, "stopped mid-backlog (else this proves nothing): " + processed + " processed");
    assertEquals(total, processed + left, "every file is in the inbox or in .processed");
    try (Database db = Database.h2File(dir.resolve("data"))) {
      assertEquals(processed, All.invitations(new Invitations(db)).size(),
          "every processed file was stored before it moved, and moved once stored");
    }
  }

  private static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
