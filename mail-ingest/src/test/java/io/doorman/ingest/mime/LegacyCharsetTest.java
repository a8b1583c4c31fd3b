package io.doorman.ingest.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.Limits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LegacyCharsetTest {

  private static byte[] mail(String charset, byte[] body, String encoding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=" + charset
                + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Test
  void readsIso88591AsWindows1252SoCurlyApostrophesSurvive() throws Exception {
    byte[] body = "Jürgen\u2019s note".getBytes(Charset.forName("windows-1252"));

    MimeMail m = Mime.read(mail("iso-8859-1", body, "8bit"), Limits.DEFAULTS);

    assertEquals("Jürgen\u2019s note", m.plainText().orElseThrow());
  }

  @Test
  void readsQuotedPrintableWindows1252() throws Exception {
    MimeMail m = Mime.read(mail("windows-1252", "c=92est l=E0".getBytes(StandardCharsets.US_ASCII), "quoted-printable"), Limits.DEFAULTS);

    assertEquals("c\u2019est là", m.plainText().orElseThrow());
  }

  @Test
  void understandsTheUtf8AliasWithoutADash() throws Exception {
    MimeMail m = Mime.read(mail("utf8", "Müller".getBytes(StandardCharsets.UTF_8), "8bit"), Limits.DEFAULTS);

    assertEquals("Müller", m.plainText().orElseThrow());
    assertTrue(m.warnings().isEmpty(), m.warnings().toString());
  }

  @Test
  void anUnknownCharsetFallsBackToUtf8AndSaysSo() throws Exception {
    MimeMail m = Mime.read(mail("x-martian", "Müller".getBytes(StandardCharsets.UTF_8), "8bit"), Limits.DEFAULTS);

    assertEquals("Müller", m.plainText().orElseThrow());
    assertTrue(m.warnings().get(0).contains("unknown charset 'x-martian'"), m.warnings().toString());
  }

  @Test
  void invalidUtf8BytesAreReplacedWithAWarningAndTheRestKept() throws Exception {
    byte[] body = {'o', 'k', ' ', (byte) 0xE9, ' ', 'o', 'k'};

    MimeMail m = Mime.read(mail("utf-8", body, "8bit"), Limits.DEFAULTS);

    assertEquals("ok \uFFFD ok", m.plainText().orElseThrow());
    assertTrue(m.warnings().get(0).contains("not valid UTF-8"), m.warnings().toString());
  }

  @Test
  void aReplacementCharacterWrittenInTheMailIsNotTakenForDamage() throws Exception {
    MimeMail m = Mime.read(mail("utf-8", "ok \uFFFD ok".getBytes(StandardCharsets.UTF_8), "8bit"), Limits.DEFAULTS);

    assertEquals("ok \uFFFD ok", m.plainText().orElseThrow());
    assertTrue(m.warnings().isEmpty(), m.warnings().toString());
  }

  @Test
  void theHtmlPartIsDecodedWhenAskedForAndWhatItRepairedIsThenReported() throws Exception {
    MimeMail m =
        Mime.read(
            """
            From: a@example.com
            Content-Type: multipart/alternative; boundary=XYZ

            --XYZ
            Content-Type: text/plain; charset=utf-8

            the text
            --XYZ
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>M=C3=BCller =E9</p>
            --XYZ--
            """);

    assertTrue(m.warnings().isEmpty(), "nothing decoded yet: " + m.warnings());
    assertEquals("<p>M\u00fcller \uFFFD</p>", m.html().orElseThrow().strip());
    assertSame(m.html().orElseThrow(), m.html().orElseThrow(), "decoded once");
    assertEquals(1, m.warnings().size(), m.warnings().toString());
    assertTrue(m.warnings().get(0).contains("not valid UTF-8"), m.warnings().toString());
  }
}
