package io.doorman.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doorman ingest -} as a mail server's pipe: sysexits codes the server acts on. */
class PipeDeliveryTest {

  private static final String INVITATION = TestEmails.invitation("pipe-1", "7771");

  private static final String NEWSLETTER =
      """
      From: Weekly Digest <news@example.org>
      To: paul@example.com
      Subject: This week in databases
      Message-ID: <news-1@example.org>
      Content-Type: text/plain; charset=utf-8

      Ten things about indexes.
      """;

  private final InputStream realStdin = System.in;

  @TempDir Path dir;

  private String out;
  private String err;

  @AfterEach
  void restoreStdin() {
    System.setIn(realStdin);
  }

  private int pipe(String email, String... options) {
    System.setIn(new ByteArrayInputStream(email.getBytes(StandardCharsets.UTF_8)));
    String[] args =
        Stream.concat(Stream.concat(Stream.of("ingest"), Stream.of(options)), Stream.of("-")).toArray(String[]::new);
    Cli.Run r = Cli.run(args);
    out = r.out();
    err = r.err();
    return r.status();
  }

  @Test
  void anInvitationOnStandardInputIsStoredAndAnsweredZero() {
    String data = dir.resolve("data").toString();
    assertEquals(0, pipe(INVITATION, "--data-dir", data), err);
    assertTrue(out.contains("stored: 1 notification"), out);
    assertEquals(0, pipe(INVITATION, "--data-dir", data), "a re-delivery is no error: " + err);

    Cli.Run listed = Cli.run("list", "--data-dir", data);
    assertEquals(0, listed.status());
    assertEquals(1, listed.out().lines().filter(l -> l.contains("Jane Doe")).count(), listed.out());
  }

  @Test
  void mailThatIsNotLinkedInsIsKeptForReviewNotDropped() throws Exception {
    Path data = dir.resolve("data");
    assertEquals(0, pipe(NEWSLETTER, "--data-dir", data.toString()), err);
    List<Path> kept;
    try (Stream<Path> files = Files.list(data.resolve("review"))) {
      kept = files.toList();
    }
    assertEquals(1, kept.size(), kept.toString());
    assertTrue(Files.readString(kept.get(0)).contains("Ten things about indexes."));
    assertTrue(out.contains("kept for review"), out);
  }

  @Test
  void bytesThatAreNotAnEmailAreAnsweredDataError() {
    assertEquals(65, pipe("\u0000\u0001 not a mail \u0002", "--data-dir", dir.resolve("data").toString()));
    assertTrue(err.contains("doorman:"), err);
  }

  @Test
  void anUnreachableStoreIsAnsweredTryLater() {
    assertEquals(75, pipe(INVITATION, "--db", "jdbc:postgresql://127.0.0.1:1/doorman?connectTimeout=2"));
    assertTrue(err.contains("try again"), err);
  }
}
