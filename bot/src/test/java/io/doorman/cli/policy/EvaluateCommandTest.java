package io.doorman.cli.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.doorman.learning.Decisions;
import io.doorman.store.Database;
import io.doorman.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doorman policy evaluate}: shadow mode on labelled emails and on the store. */
class EvaluateCommandTest {

  @TempDir Path dir;

  /** The numbers of a confusion matrix row: "  personal   0 0 ... 8 ...". */
  private static int[] row(String out, String label, int columns) {
    for (String line : out.split("\\R")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == columns + 1 && f[0].equals(label) && f[1].matches("\\d+")) {
        return Arrays.stream(f, 1, f.length).mapToInt(Integer::parseInt).toArray();
      }
    }
    throw new AssertionError("no row " + label + " in\n" + out);
  }

  @Test
  void theSharedCorpusLabelsGiveAFullDiagonal() {
    Path corpus = Path.of(System.getProperty("doorman.corpus", "../shared/corpus"));
    assumeTrue(Files.isDirectory(corpus.resolve("emails")), "shared corpus not present");
    Cli.Run r = Cli.run("policy", "evaluate", "--labels", corpus.resolve("labels.jsonl")
        .toString(), corpus.resolve("emails").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("agreement: category 1.000 (55 of 55), action 1.000 (55 of 55)"),
        r.out());
    // labels.jsonl: suspicious 6, sales-pitch 7, lion 6, mutual-intro 5, personal 8,
    // shared-interest 6, generic-note 6, no-note 11 (corpus README), all on the diagonal
    int[] counts = {6, 7, 6, 5, 8, 6, 6, 11};
    String[] labels = {"suspicious", "sales-pitch", "lion", "mutual-intro", "personal",
        "shared-interest", "generic-note", "no-note"};
    for (int i = 0; i < labels.length; i++) {
      int[] expected = new int[8];
      expected[i] = counts[i];
      assertEquals(Arrays.toString(expected), Arrays.toString(row(r.out(), labels[i], 8)),
          labels[i]);
    }
    assertTrue(r.out().contains("disagreements, most confident first:\n  none"), r.out());
  }

  @Test
  void theStoresDecisionsAreReplayedAndDisagreementsShowTheirReasons() {
    try (Database db = Database.h2File(dir)) {
      Decisions.decide(db, 0, 10, "paul@example.com");
    }
    Cli.Run r = Cli.run("policy", "evaluate", "--data-dir", dir.toString());
    assertEquals(0, r.status(), r.err());
    // five recruiters accepted (the policy asks: no note), five no-notes declined (it asks)
    assertTrue(r.out().contains("evaluated 10 invitations"), r.out());
    assertTrue(r.out().contains("action 0.000 (0 of 10)"), r.out());
    assertEquals("[0, 5, 0, 0]", Arrays.toString(row(r.out(), "accept", 4)));
    assertEquals("[0, 5, 0, 0]", Arrays.toString(row(r.out(), "decline", 4)));
    assertTrue(r.out().contains("labelled - / accept, policy no-note / ask"), r.out());
    assertTrue(r.out().contains("no-note +1: no note (no-note)"), r.out());

    assertEquals(0, Cli.run("learn", "--data-dir", dir.toString()).status());
    Cli.Run learned = Cli.run("policy", "evaluate", "--data-dir", dir.toString(), "--learned");
    assertTrue(learned.out().contains("with default v1"), learned.out());
    assertTrue(learned.out().contains("action 1.000 (10 of 10)"), learned.out());
  }

  @Test
  void emailsNeedLabels() {
    assertEquals(2, Cli.run("policy", "evaluate", "some.eml").status());
  }
}
