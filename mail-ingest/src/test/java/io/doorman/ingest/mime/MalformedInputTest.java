package io.doorman.ingest.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.Limits;
import io.doorman.ingest.UnreadableMailException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MalformedInputTest {

  @Test
  void readsBareLineFeedsWithoutMimeVersionOrMessageId() throws Exception {
    byte[] mail = "From: a@example.com\nSubject: hi\n\nline one\nline two\n".getBytes(StandardCharsets.UTF_8);

    MimeMail m = Mime.read(mail, Limits.DEFAULTS);

    assertEquals("line one\nline two\n", m.plainText().orElseThrow());
    assertTrue(m.header("Message-ID").isEmpty());
  }

  @Test
  void aMissingClosingBoundaryReadsTheLastPartToTheEnd() throws Exception {
    MimeMail m =
        Mime.read(
            """
            From: a@example.com
            Content-Type: multipart/alternative; boundary=XYZ

            --XYZ
            Content-Type: text/plain

            the text
            --XYZ
            Content-Type: text/html

            <p>cut off mid-ta""");

    assertEquals("the text", m.plainText().orElseThrow());
    assertEquals("<p>cut off mid-ta", m.html().orElseThrow());
    assertTrue(m.warnings().stream().anyMatch(w -> w.contains("no closing boundary")), m.warnings().toString());
  }

  @Test
  void base64WithoutPaddingAndWithRaggedLinesDecodes() throws Exception {
    MimeMail m =
        Mime.read(
            """
            From: a@example.com
            Content-Type: text/plain; charset="utf-8
            Content-Transfer-Encoding: base64

            SGVsbG8s
            IHdvcmxkIQ
            """);

    assertEquals("Hello, world!", m.plainText().orElseThrow());
  }

  @Test
  void aHeaderBlockWithoutTheEmptyLineEndsAtTheFirstNonHeaderLine() throws Exception {
    MimeMail m = Mime.read("From: a@example.com\nSubject: s\nthis is the body\n");

    assertEquals("this is the body\r\n", m.plainText().orElseThrow());
  }

  @Test
  void bytesThatAreNotAnEmailAreRefusedWithAClearMessage() {
    UnreadableMailException e =
        assertThrows(
            UnreadableMailException.class,
            () -> Mime.read(new byte[] {0, 1, 2, (byte) 0xff, 'x'}, Limits.DEFAULTS));

    assertEquals("test.eml: not an email: no header block at its start", e.getMessage());
  }
}
