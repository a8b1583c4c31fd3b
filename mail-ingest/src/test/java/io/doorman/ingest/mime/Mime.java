package io.doorman.ingest.mime;

import io.doorman.ingest.Limits;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import java.nio.charset.StandardCharsets;

/** Test helper: reads an email written as text, or as raw bytes. */
final class Mime {

  private Mime() {}

  static MimeMail read(String email) throws UnreadableMailException {
    return read(email.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), Limits.DEFAULTS);
  }

  static MimeMail read(byte[] bytes, Limits limits) throws UnreadableMailException {
    return new MimeReader(limits).read(new RawMail("test.eml", bytes));
  }
}
