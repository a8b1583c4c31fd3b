package io.doorman.cli.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.doorman.cli.DoormanCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTest {

  private static final String MAIL =
      "From: Someone <someone@example.com>\r\n"
          + "To: me@example.com\r\n"
          + "Subject: Lunch?\r\n"
          + "Message-ID: <lunch-1@example.com>\r\n"
          + "\r\n"
          + "Shall we have lunch on Friday?\r\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = DoormanCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void printsEveryContractFieldAsJsonEvenWhenAbsent() throws Exception {
    Path mail = Files.writeString(dir.resolve("lunch.eml"), MAIL, StandardCharsets.UTF_8);

    int status = run("classify", "--json", mail.toString());

    assertEquals(0, status, err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(1, lines.size());
    JsonObject json = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    for (String key :
        List.of(
            "source", "messageId", "kind", "recipient", "sender", "mutualConnections", "note",
            "acceptUrl", "authenticity", "verified", "language", "problems", "verdict", "reply")) {
      assertTrue(json.has(key), "missing key " + key + " in " + lines.get(0));
    }
    assertTrue(json.getAsJsonObject("sender").has("headline"));
    assertTrue(json.getAsJsonObject("sender").has("profileUrl"));
    assertTrue(json.getAsJsonObject("verdict").has("action"));
    assertTrue(json.getAsJsonObject("verdict").has("category"));
    assertTrue(json.getAsJsonObject("verdict").has("reasons"));
    assertTrue(json.getAsJsonObject("reply").has("class"));
    assertEquals("other", json.get("kind").getAsString());
    assertEquals("<lunch-1@example.com>", json.get("messageId").getAsString());
    assertEquals(mail.toString(), json.get("source").getAsString());
  }

  @Test
  void anEmailThatCannotBeReadStillGivesALineThatSaysWhy() throws Exception {
    String bomb = "X-Big: " + "x".repeat(70_000) + "\r\n\r\nbody\r\n";
    Path mail = Files.writeString(dir.resolve("bomb.eml"), bomb, StandardCharsets.UTF_8);

    int status = run("classify", "--json", mail.toString());

    assertEquals(1, status);
    assertTrue(err.toString().contains("bomb.eml"), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(1, lines.size(), out.toString());
    JsonObject json = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertEquals("other", json.get("kind").getAsString());
    assertTrue(json.getAsJsonArray("problems").get(0).getAsString().startsWith("unreadable: "), lines.get(0));
  }

  @Test
  void aWrongPathPrintsTheErrorWithoutAnEmptyTable() {
    int status = run("classify", dir.resolve("sample").toString());

    assertEquals(1, status);
    assertEquals("", out.toString());
    assertTrue(err.toString().contains("sample"), err.toString());
  }

  @Test
  void namesAMissingInputOnStderrAndGoesOnWithTheRest() throws Exception {
    Path mail = Files.writeString(dir.resolve("lunch.eml"), MAIL, StandardCharsets.UTF_8);
    Path missing = dir.resolve("missing.eml");

    int status = run("classify", "--json", missing.toString(), mail.toString());

    assertEquals(1, status);
    assertTrue(err.toString().contains(missing.toString()), err.toString());
    assertTrue(err.toString().contains("no such file"), err.toString());
    assertEquals(1, out.toString().lines().count(), "the readable mail is still printed");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertEquals(2, run("classify"));
    assertEquals(2, run("classify", "--no-such-option", "x"));
    assertFalse(err.toString().isBlank());
  }

  @Test
  void printsATableForPeopleByDefault() throws Exception {
    Path mail = Files.writeString(dir.resolve("lunch.eml"), MAIL, StandardCharsets.UTF_8);

    assertEquals(0, run("classify", mail.toString()));

    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).startsWith("SOURCE"), lines.get(0));
    assertTrue(lines.get(1).startsWith("lunch.eml"), lines.get(1));
  }
}
