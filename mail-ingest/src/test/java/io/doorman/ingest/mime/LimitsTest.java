package io.doorman.ingest.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.Limits;
import io.doorman.ingest.UnreadableMailException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LimitsTest {

  private static final Limits SMALL = new Limits(2 * 1024 * 1024, 3, 5, 1024, 200);

  private static String refusal(String email) {
    UnreadableMailException e =
        assertThrows(
            UnreadableMailException.class,
            () -> Mime.read(email.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), SMALL));
    return e.getMessage();
  }

  @Test
  void refusesAMessageOverTheSizeLimit() {
    String big = "From: a@example.com\n\n" + "x".repeat(3 * 1024 * 1024);

    assertEquals("test.eml: message is 3.0 MB, over the 2.0 MB limit", refusal(big));
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    StringBuilder mail = new StringBuilder("From: a@example.com\n");
    for (int i = 0; i < 5; i++) {
      mail.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append("\n");
    }
    mail.append("Content-Type: text/plain\n\nhi\n");

    assertTrue(refusal(mail.toString()).contains("MIME nesting deeper than 3 levels"));
  }

  @Test
  void refusesMorePartsThanTheLimit() {
    StringBuilder mail = new StringBuilder("From: a@example.com\nContent-Type: multipart/mixed; boundary=b\n\n");
    for (int i = 0; i < 8; i++) {
      mail.append("--b\nContent-Type: text/plain\n\npart ").append(i).append("\n");
    }
    mail.append("--b--\n");

    assertTrue(refusal(mail.toString()).contains("more than 5 MIME parts"));
  }

  @Test
  void refusesAHeaderBlockOverTheLimit() {
    String mail = "From: a@example.com\n" + "X-Filler: 0123456789\n".repeat(80) + "\nbody\n";

    assertTrue(refusal(mail).contains("header block is over 1 KB"));
  }

  @Test
  void refusesAHeaderLineOverTheLimit() {
    assertTrue(refusal("From: a@example.com\nX-Long: " + "y".repeat(300) + "\n\nbody\n").contains("a header line is longer than 200 bytes"));
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertEquals(new Limits(10 * 1024 * 1024, 10, 100, 64 * 1024, 16 * 1024), Limits.DEFAULTS);
  }
}
