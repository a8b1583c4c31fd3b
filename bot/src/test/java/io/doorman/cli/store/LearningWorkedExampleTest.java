package io.doorman.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.learning.Decisions;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.policies.Invitation;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Database;
import io.doorman.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/POLICY.md's worked example of learning, step by step: a team's decisions, {@code doorman
 * learn}, {@code policy check} and {@code policy evaluate} of docs/examples/learned-policy.yml
 * with and without the model, a second version and {@code --rollback}. The lines the docs quote
 * are the lines asserted here.
 */
class LearningWorkedExampleTest {

  static final Path EXAMPLE = Path.of("..", "docs", "examples", "learned-policy.yml");
  private static final String[] NOTES = {
    "Hi Paul, we met at the platform meetup last Thursday. Great chatting about build caches!",
    "Paul, we worked together on the payments team back in 2019. Good to see you here.",
    "Thanks for the coffee after the workshop yesterday, it was great to meet you.",
    "Hi Paul, I was the one asking about on-call at your talk, lovely talking to you after.",
    "Great meeting you at the Rust user group on Tuesday, let's stay in touch!",
  };

  @TempDir Path dir;

  /** The team: accepts recruiters with many mutual connections and people it knows. */
  static void decide(Database db) {
    Decisions.decide(db, 0, 30, "paul@example.com"); // 15 recruiters accepted, 15 declined
    for (int i = 0; i < 10; i++) {
      Invitation inv = Decisions.invitation(100 + i, "paul@example.com", "Engineer at Example",
          NOTES[i % NOTES.length], 3);
      Decisions.ingestAndDecide(db, inv, Decision.ACCEPT);
    }
  }

  @Test
  void theDocumentedStepsPrintTheDocumentedLines() {
    try (Database db = Database.h2File(dir)) {
      decide(db);
    }
    String data = dir.toString();
    assertTrue(Files.isRegularFile(EXAMPLE), EXAMPLE + " is missing");

    Cli.Run before = Cli.run("policy", "evaluate", "--data-dir", data);
    assertTrue(before.out().contains("agreement: category n/a (nothing labelled), action 0.250"
        + " (10 of 40)"), before.out());

    Cli.Run learn = Cli.run("learn", "--data-dir", data);
    assertEquals(0, learn.status(), learn.err());
    assertTrue(learn.out().matches("(?s)learned default v1 from 40 decisions, 0 corrections and"
        + " 446 seed invitations in \\d+\\.\\d s \\(\\d+ features\\)\n"
        + "cross-validated agreement with past decisions: 1\\.000; with corrections: too few"
        + " corrections to tell\n"), learn.out());

    Cli.Run check = Cli.run("policy", "check", EXAMPLE.toString());
    assertEquals(0, check.status(), check.err());

    Cli.Run after = Cli.run("policy", "evaluate", "--data-dir", data, "--learned", "--policy",
        EXAMPLE.toString());
    assertTrue(after.out().contains("with default v1, on the store's decisions and corrections"),
        after.out());
    assertTrue(after.out().contains("agreement: category n/a (nothing labelled), action 1.000"
        + " (40 of 40)"), after.out());

    Cli.Run explain = Cli.run("learn", "--data-dir", data);
    assertTrue(explain.out().startsWith("learned default v2 from 40 decisions"), explain.out());
    Cli.Run rollback = Cli.run("learn", "--data-dir", data, "--rollback");
    assertEquals("default: v2 retired, v1 active again (the nightly retrain leaves default alone"
        + " until the next doorman learn)\n", rollback.out());
  }
}
