package io.doorman.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** LinkedIn invitation emails made up for tests, and the repository's samples. */
public final class Emails {

  private Emails() {}

  /** A distinct invitation: the n-th, from {@code name}, with {@code note} (or none when blank). */
  public static String invitation(int n, String name, String note) {
    return """
        From: "%1$s via LinkedIn" <invitations@linkedin.com>
        To: "Paul Okafor" <paul@example.com>
        Subject: %1$s wants to connect
        Message-ID: <test-%2$d@linkedin.com>
        Content-Type: text/plain; charset=utf-8

        Hi Paul,

        %3$s

        %1$s
        Engineer at Example %2$d
        2 mutual connections

        Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=%2$d&sharedKey=k%2$d
        View profile: https://www.linkedin.com/comm/in/person-%2$d
        """.formatted(name, n, note);
  }

  public static String invitation(int n) {
    return invitation(n, "Person Number" + n, "Hi Paul, we met at the Denver meetup last week, talk " + n + ".");
  }

  /** The repository's {@code samples/} directory (the tests run in {@code bot/}). */
  public static Path samples() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples")) && Files.isRegularFile(p.resolve("mvnw"))) {
        return p.resolve("samples");
      }
    }
    throw new IllegalStateException("no samples/ above " + here);
  }

  /** Copies the samples into {@code dir}; returns how many. */
  public static int copySamples(Path dir) throws IOException {
    Files.createDirectories(dir);
    int n = 0;
    try (Stream<Path> files = Files.list(samples())) {
      for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".eml")).sorted()::iterator) {
        Files.copy(f, dir.resolve(f.getFileName()));
        n++;
      }
    }
    return n;
  }

  /** Writes an email so that it appears whole (written beside, then renamed in). */
  public static Path drop(Path dir, String name, String text) throws IOException {
    Path tmp = Files.createTempFile(dir.getParent() == null ? dir : dir.getParent(), ".drop", ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    return Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes {@code total} distinct invitations into {@code inbox} as 0001.eml, 0002.eml, … */
  public static void writeBacklog(Path inbox, int total) throws IOException {
    Files.createDirectories(inbox);
    for (int n = 1; n <= total; n++) {
      Files.writeString(inbox.resolve(String.format("%04d.eml", n)), invitation(n));
    }
  }

  /** Regular, non-hidden files directly in {@code dir}; 0 when it does not exist. */
  public static long fileCount(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
