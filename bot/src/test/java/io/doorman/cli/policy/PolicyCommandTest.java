package io.doorman.cli.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.cli.DoormanCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code doorman policy check} and {@code explain} through the real command line. */
class PolicyCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = DoormanCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void checkAcceptsTheWorkedExampleOfTheDocs() {
    Path example = Path.of("..", "docs", "examples", "team-policy.yml");
    assertTrue(Files.isRegularFile(example), "docs/examples/team-policy.yml is missing");
    assertEquals(0, run("policy", "check", example.toString()), err.toString());
    assertTrue(out.toString().contains("team-policy.yml: ok"), out.toString());
  }

  @Test
  void checkReportsEachProblemWithLineAndColumnAndExitsOne() throws IOException {
    Path bad = write("policy.yml", """
        rules:
          - id: r1
            description: a typo
            if: {notee: absent}
            then: {score: {no-note: 1}}
          - id: r2
            description: a bad regex
            if: {noteMatches: '[a-'}
            then: {score: {no-note: 1}}
        overrides:
          no-such-rule: {enabled: false}
        """);
    assertEquals(1, run("policy", "check", bad.toString()));
    String[] lines = err.toString().split("\\R");
    assertEquals("doorman: " + bad + ":4:10: unknown condition 'notee' (did you mean 'note'?)",
        lines[0]);
    assertTrue(lines[1].startsWith("doorman: " + bad + ":8:23: bad regular expression '[a-'"),
        lines[1]);
    assertEquals("doorman: " + bad + ":11:3: unknown rule id 'no-such-rule' in overrides", lines[2]);
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void checkOfAMissingFileOrBrokenYamlIsOneLineNotAStackTrace() throws IOException {
    assertEquals(1, run("policy", "check", dir.resolve("nope.yml").toString()));
    assertEquals("doorman: " + dir.resolve("nope.yml") + ":1:1: no such file", err.toString().strip());
    StringWriter fresh = new StringWriter();
    Path broken = write("broken.yml", "rules: [\n");
    CommandLine cli = DoormanCommand.commandLine();
    cli.setErr(new PrintWriter(fresh, true));
    assertEquals(1, cli.execute("policy", "check", broken.toString()));
    assertTrue(fresh.toString().startsWith("doorman: " + broken + ":"), fresh.toString());
    assertFalse(fresh.toString().contains("\tat "), fresh.toString());
  }

  @Test
  void classifyWithABadPolicyFailsBeforeReadingMail() throws IOException {
    Path bad = write("p.yml", "followUpAfter: soon\n");
    assertEquals(1, run("classify", "--policy", bad.toString(), "--json", dir.toString()));
    assertEquals("doorman: " + bad + ":1:16: duration must read like '10d', '36h' or '2w',"
        + " not 'soon'", err.toString().strip());
  }

  @Test
  void explainPrintsEachNotificationOfTheInputs() throws IOException {
    Path mail = write("a.eml", "From: someone@example.org\nSubject: hello\n\nJust a note.\n");
    assertEquals(0, run("policy", "explain", mail.toString()), err.toString());
    assertTrue(out.toString().contains("a.eml"), out.toString());
  }
}
