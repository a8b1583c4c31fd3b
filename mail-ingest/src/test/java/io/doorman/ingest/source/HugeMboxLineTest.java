package io.doorman.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One 200 MB line in an mbox, read in a JVM limited to 256 MB of heap: the message holding it is
 * skipped with its reason, the next message is read, and memory never runs out (it did:
 * {@code OutOfMemoryError} at {@code MboxReader.readLine}).
 */
class HugeMboxLineTest {

  @Test
  void aHugeLineIsSkippedAndTheNextMessageRead() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HugeLineProbe.class.getName(), "200")
            .redirectErrorStream(true)
            .start();
    List<String> out;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      out = r.lines().toList();
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe ends");
    assertEquals(0, p.exitValue(), String.join("\n", out));
    assertEquals(2, out.size(), String.join("\n", out));
    assertEquals("problem huge.mbox#0: message is over the 10 MB limit; skipped", out.get(0));
    assertEquals("mail huge.mbox#1 Subject: after the huge one", out.get(1));
  }
}
