package io.doorman.ingest.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.ingest.Limits;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodedWordHeaderTest {

  private static String subject(byte[] header) throws Exception {
    byte[] rest = "\r\nFrom: a@example.com\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[header.length + rest.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(rest, 0, all, header.length, rest.length);
    return Mime.read(all, Limits.DEFAULTS).header("Subject").orElseThrow();
  }

  private static String subject(String header) throws Exception {
    return subject(header.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void decodesQAndBWordsInAnyCharset() throws Exception {
    assertEquals("Jürgen möchte", subject("Subject: =?UTF-8?Q?J=C3=BCrgen_m=C3=B6chte?="));
    assertEquals("Jürgen", subject("Subject: =?utf-8?B?SsO8cmdlbg==?="));
    assertEquals("Hélène", subject("Subject: =?ISO-8859-1?Q?H=E9l=E8ne?="));
  }

  @Test
  void joinsAdjacentWordsWithoutTheSpaceBetweenThem() throws Exception {
    assertEquals("Jürgen Weißmann", subject("Subject: =?UTF-8?Q?J=C3=BCrgen_?= =?UTF-8?Q?Wei=C3=9Fmann?="));
    assertEquals("Re: Jürgen ok", subject("Subject: Re: =?UTF-8?Q?J=C3=BCrgen?= ok"));
  }

  @Test
  void unfoldsContinuationLines() throws Exception {
    assertEquals("a long subject", subject("Subject: a long\r\n subject"));
  }

  @Test
  void readsRawUtf8AndRawLatin1Bytes() throws Exception {
    assertEquals("Müller", subject("Subject: Müller".getBytes(StandardCharsets.UTF_8)));
    assertEquals("Müller", subject("Subject: Müller".getBytes(Charset.forName("ISO-8859-1"))));
  }
}
