package io.doorman.ingest.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
