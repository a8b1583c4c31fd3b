package io.doorman.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.learning.Decisions;
import io.doorman.store.Database;
import io.doorman.testing.Cli;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doorman learn}, {@code --rollback} and {@code doorman correct} on an H2 file. */
class LearnCommandTest {

  @TempDir Path dir;

  private Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @Test
  void learnStoresVersionsCorrectionsCountAndRollbackGoesBackOneAtATime() {
    long last;
    try (Database db = Database.h2File(dir)) {
      last = Decisions.decide(db, 0, 40,
          "paul@example.com");
    }
    String data = dir.toString();

    Cli.Run first = run("learn", "--data-dir", data);
    assertEquals(0, first.status(), first.err());
    assertTrue(first.out().startsWith("learned default v1 from 40 decisions, 0 corrections and "),
        first.out());
    assertTrue(first.out().matches("(?s).*cross-validated agreement with past decisions: [01]\\.\\d{3};"
        + " with corrections: too few corrections to tell.*"), first.out());

    Cli.Run corrected = run("correct", "--data-dir", data, String.valueOf(last), "personal",
        "--by", "paul");
    assertEquals(0, corrected.status(), corrected.err());
    assertTrue(corrected.out().startsWith("invitation " + last + ": category personal noted"),
        corrected.out());
    assertEquals(2, run("correct", "--data-dir", data, "1", "friend").status());
    assertEquals(1, run("correct", "--data-dir", data, "999", "personal").status());

    Cli.Run second = run("learn", "--data-dir", data);
    assertTrue(second.out().startsWith("learned default v2 from 40 decisions, 1 corrections"),
        second.out());

    Cli.Run back = run("learn", "--data-dir", data, "--rollback");
    assertEquals(0, back.status(), back.err());
    assertTrue(back.out().startsWith("default: v2 retired, v1 active again"), back.out());
    Cli.Run none = run("learn", "--data-dir", data, "--rollback");
    assertEquals(1, none.status());
    assertTrue(none.err().contains("default: no earlier model to go back to"), none.err());

    Cli.Run team = run("learn", "--data-dir", data, "--team", "team-a", "--recipients",
        "paul@example.com");
    assertTrue(team.out().startsWith("learned team-a v1 from 40 decisions"), team.out());
    assertTrue(team.out().contains("for invitations to: paul@example.com"), team.out());
  }
}
