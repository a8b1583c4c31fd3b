package io.doorman.cli.store;

import io.doorman.testing.All;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import io.doorman.lifecycle.State;
import io.doorman.policies.Invitation;
import io.doorman.policies.Notification;
import io.doorman.store.Database;
import io.doorman.store.Invitations;
import io.doorman.store.StoredInvitation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doorman ingest} killed with SIGKILL three times at random moments, then run to the end:
 * the store holds each distinct invitation of the mbox exactly once, each with its audit row.
 * The build runs it on 1,500 generated messages; {@code bot/bench/run-crash-test.sh} runs it by
 * hand at full size (100,000, through {@code -Ddoorman.crash.messages} and {@code
 * -Ddoorman.crash.mbox}).
 */
class CrashTest {

  private static final int MESSAGES = Integer.getInteger("doorman.crash.messages", 1_500);
  private static final int PROGRESS_EVERY = Math.max(50, MESSAGES / 30);

  @TempDir Path dir;

  @Test
  void killedIngestsLoseAndDuplicateNothing() throws Exception {
    Path mbox = generatedMbox();
    Path data = dir.resolve("data");
    Random random = new Random(Long.getLong("doorman.crash.seed", System.nanoTime()));
    for (int kill = 0; kill < 3; kill++) {
      Process p = ingest(mbox, data, true);
      // The kill lands after a random number of progress lines, mid-run.
      int lines = 1 + random.nextInt(MESSAGES / PROGRESS_EVERY - 2);
      try (BufferedReader progress = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
        for (int seen = 0; seen < lines && progress.readLine() != null; ) {
          seen++;
        }
        p.destroyForcibly().waitFor();
      }
    }
    Process last = ingest(mbox, data, false);
    assertEquals(0, last.waitFor(), "the final run completes");

    Set<String> distinct = distinctInvitationKeys(mbox);
    Invitations store = new Invitations(Database.h2File(data));
    List<StoredInvitation> stored = All.invitations(store);
    Set<String> storedKeys = new HashSet<>();
    stored.forEach(i -> storedKeys.add(i.key()));
    assertEquals(stored.size(), storedKeys.size(), "no invitation stored twice");
    assertEquals(distinct, storedKeys, "every distinct invitation stored");
    assertEquals(stored.size(), store.auditCount(), "one audit row per invitation, none lost");
    assertEquals(stored.size(), store.countsByState().get(State.PENDING));
  }

  private Path generatedMbox() throws Exception {
    String given = System.getProperty("doorman.crash.mbox", "");
    if (!given.isBlank() && Files.isRegularFile(Path.of(given))) {
      return Path.of(given);
    }
    Path gen = Path.of(System.getProperty("doorman.corpus", "../shared/corpus")).resolve("gen.py");
    assumeTrue(Files.isRegularFile(gen), "no corpus generator at " + gen + "; crash test skipped");
    Path mbox = dir.resolve("crash.mbox");
    Process p =
        new ProcessBuilder("python3", gen.toString(), "mbox", String.valueOf(MESSAGES), mbox.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("gen.log").toFile())
            .start();
    assumeTrue(p.waitFor() == 0, "python3 could not run the generator; crash test skipped");
    return mbox;
  }

  private Process ingest(Path mbox, Path data, boolean watched) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder b =
        new ProcessBuilder(
                java.toString(), "-cp", System.getProperty("java.class.path"), "io.doorman.cli.Main",
                "ingest", "--progress-every", String.valueOf(PROGRESS_EVERY), "--data-dir", data.toString(), mbox.toString())
            .redirectErrorStream(true);
    if (!watched) {
      b.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ingest.log").toFile()));
    }
    return b.start();
  }

  private static Set<String> distinctInvitationKeys(Path mbox) throws Exception {
    Set<String> keys = new HashSet<>();
    MailReader reader = new MailReader();
    try (Stream<SourceEntry> entries = MailSources.open(mbox.toString(), System.in)) {
      for (SourceEntry e : (Iterable<SourceEntry>) entries::iterator) {
        if (e instanceof SourceEntry.Mail m) {
          try {
            for (Notification n : reader.read(m.mail())) {
              if (n instanceof Invitation i) {
                keys.add(i.key());
              }
            }
          } catch (UnreadableMailException ignored) {
            // Unreadable mail is not stored either.
          }
        }
      }
    }
    return keys;
  }
}
