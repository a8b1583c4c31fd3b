package io.doorman.ingest.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of labelled emails, found through the {@code doorman.corpus} system property
 * (the build points it at {@code ../shared/corpus}). Tests that need it are skipped, with a message
 * saying so, when it is absent.
 */
public final class SharedCorpus {

  private SharedCorpus() {}

  public static Path dir() {
    String property = System.getProperty("doorman.corpus", "../shared/corpus");
    Path dir = Path.of(property);
    boolean present = Files.isRegularFile(dir.resolve("labels.jsonl"));
    if (!present) {
      System.out.println("SharedCorpus: no corpus at " + dir.toAbsolutePath() + "; corpus tests skipped");
    }
    assumeTrue(present, "shared corpus not found at " + dir.toAbsolutePath());
    return dir;
  }

  /** The corpus's emails, or none (with a line saying so) when the corpus is not there. */
  public static List<Path> emailsIfPresent() throws IOException {
    Path dir = Path.of(System.getProperty("doorman.corpus", "../shared/corpus"));
    if (!Files.isRegularFile(dir.resolve("labels.jsonl"))) {
      System.out.println("SharedCorpus: no corpus at " + dir.toAbsolutePath() + "; only the repo's own emails are used");
      return List.of();
    }
    return emails();
  }

  public static List<Path> emails() throws IOException {
    try (Stream<Path> files = Files.list(dir().resolve("emails"))) {
      return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    }
  }
}
