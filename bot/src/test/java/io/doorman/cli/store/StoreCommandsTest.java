package io.doorman.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest, list, decide, show, status and who through the command line, on an H2 file. */
class StoreCommandsTest {

  private static final String INVITATION = TestEmails.invitation("cli-1", "5551");

  private static final String ANSWER =
      """
      From: "Jane Doe via LinkedIn" <messages-noreply@linkedin.com>
      To: "Paul Okafor" <paul@example.com>
      Subject: New message from Jane Doe
      Message-ID: <cli-2@linkedin.com>
      Content-Type: text/plain; charset=utf-8

      Jane sent you a new message

      Jane Doe
      Recruiter at Example

      Yes, we met at the Denver meetup last week, I asked about your talk.

      Reply: https://www.linkedin.com/comm/messaging/thread/2-abc
      """;

  @TempDir Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    Cli.Run r = Cli.run(args);
    out = r.out();
    err = r.err();
    return r.status();
  }

  @Test
  void askThenAnswerThenAcceptIsRememberedWithWhoDidWhat() throws Exception {
    String data = dir.resolve("data").toString();
    Path invite = Files.writeString(dir.resolve("invite.eml"), INVITATION);
    Path answer = Files.writeString(dir.resolve("answer.eml"), ANSWER);

    assertEquals(0, run("ingest", "--data-dir", data, invite.toString(), invite.toString()));
    assertTrue(out.contains("1 new invitations, 1 already seen"), out);

    assertEquals(0, run("list", "--data-dir", data, "--state", "pending"));
    assertTrue(out.contains("Jane Doe"), out);

    assertEquals(0, run("decide", "--data-dir", data, "1", "ask", "--by", "paul"));
    assertEquals(0, run("followups", "--data-dir", data, "--as-of", LocalDate.now(ZoneOffset.UTC).plusDays(11).toString()));
    assertTrue(out.contains("Jane Doe"), "due eleven days after asking: " + out);
    assertEquals(0, run("followups", "--data-dir", data, "--as-of", LocalDate.now(ZoneOffset.UTC).toString()));
    assertTrue(!out.contains("Jane Doe"), "not due today: " + out);
    assertEquals(0, run("ingest", "--data-dir", data, answer.toString()));
    assertTrue(out.contains("1 answers matched"), out);

    assertEquals(0, run("decide", "--data-dir", data, "1", "accept", "--by", "paul"));
    assertEquals(1, run("decide", "--data-dir", data, "1", "decline", "--by", "maria"));
    assertTrue(err.contains("already accepted (by paul"), err);

    assertEquals(0, run("who", "--data-dir", data, "jane"));
    assertTrue(out.contains("Yes, we met at the Denver meetup"), out);
    assertTrue(out.contains("pending -> asked  by paul via cli"), out);
    assertTrue(out.contains("asked -> answered  by Jane Doe via ingest"), out);

    assertEquals(0, run("status", "--data-dir", data));
    assertTrue(out.matches("(?s).*accepted\\s+1.*"), out);
  }

  @Test
  void aMessageThatAnswersNoQuestionIsListed() throws Exception {
    String data = dir.resolve("data").toString();
    Path answer = Files.writeString(dir.resolve("answer.eml"), ANSWER);

    assertEquals(0, run("ingest", "--data-dir", data, answer.toString()));
    assertTrue(out.contains("1 messages unmatched"), out);
    assertEquals(0, run("list", "--data-dir", data, "--unmatched"));
    assertTrue(out.contains("Jane Doe") && out.contains("Yes, we met at the Denver meetup"), out);
  }

  @Test
  void listGoesPageByPageAndFilters() throws Exception {
    String data = dir.resolve("data").toString();
    Path first = Files.writeString(dir.resolve("a.eml"), TestEmails.invitation("cli-a", "6001"));
    Path second = Files.writeString(dir.resolve("b.eml"), TestEmails.invitation("cli-b", "6002").replace("Jane Doe", "Rob Roe"));
    assertEquals(0, run("ingest", "--data-dir", data, first.toString(), second.toString()));

    assertEquals(0, run("list", "--data-dir", data, "--limit", "1"));
    assertEquals(2, out.lines().count(), "the header and one row: " + out);
    assertTrue(err.contains("more: --after pending."), err);
    String cursor = err.substring(err.indexOf("--after ") + "--after ".length()).strip();
    assertEquals(0, run("list", "--data-dir", data, "--after", cursor));
    assertEquals(2, out.lines().count(), "the rest: " + out);
    assertTrue(out.contains("Rob Roe"), out);

    assertEquals(0, run("list", "--data-dir", data, "--text", "rob"));
    assertTrue(out.contains("Rob Roe") && !out.contains("Jane Doe"), out);
    assertEquals(2, run("list", "--data-dir", data, "--after", "nonsense"));
  }

  @Test
  void aDecisionThatIsNotAWordIsBadUsage() {
    assertEquals(2, run("decide", "--data-dir", dir.toString(), "1", "maybe"));
    assertTrue(err.contains("accept, decline, ask or wait"), err);
  }
}
