package io.doorman.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.cli.DoormanCommand;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cli = DoormanCommand.commandLine();
    cli.setOut(new PrintWriter(o, true));
    cli.setErr(new PrintWriter(e, true));
    String[] args =
        Stream.concat(Stream.concat(Stream.of("ingest"), Stream.of(options)), Stream.of("-")).toArray(String[]::new);
    int status = cli.execute(args);
    out = o.toString();
    err = e.toString();
    return status;
  }

  @Test
  void anInvitationOnStandardInputIsStoredAndAnsweredZero() {
    String data = dir.resolve("data").toString();
    assertEquals(0, pipe(INVITATION, "--data-dir", data), err);
    assertTrue(out.contains("stored: 1 notification"), out);
    assertEquals(0, pipe(INVITATION, "--data-dir", data), "a re-delivery is no error: " + err);

    CommandLine cli = DoormanCommand.commandLine();
    StringWriter listed = new StringWriter();
    cli.setOut(new PrintWriter(listed, true));
    assertEquals(0, cli.execute("list", "--data-dir", data));
    assertEquals(1, listed.toString().lines().filter(l -> l.contains("Jane Doe")).count(), listed.toString());
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
