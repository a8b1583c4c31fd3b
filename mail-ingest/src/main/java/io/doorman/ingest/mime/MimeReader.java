package io.doorman.ingest.mime;

import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads an email's MIME structure. First version on Jakarta Mail; to be replaced by a bulk
 * decoder that enforces Doorman's limits.
 */
public final class MimeReader {

  private static final Session SESSION = Session.getInstance(new Properties());

  public MimeMail read(RawMail raw) throws UnreadableMailException {
    try {
      return read(raw.bytes());
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new UnreadableMailException(raw.source(), "not a readable email: " + e.getMessage(), e);
    }
  }

  private MimeMail read(byte[] bytes) throws MessagingException, IOException {
    MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
    List<MimeMail.Header> headers = new ArrayList<>();
    Enumeration<jakarta.mail.Header> all = message.getAllHeaders();
    while (all.hasMoreElements()) {
      jakarta.mail.Header h = all.nextElement();
      headers.add(new MimeMail.Header(h.getName(), decode(h.getValue())));
    }
    Bodies bodies = new Bodies();
    collect(message, bodies, 0);
    return new MimeMail(
        headers,
        Optional.ofNullable(bodies.plain),
        Optional.ofNullable(bodies.html),
        bodies.attached,
        bytes,
        List.of());
  }

  private static String decode(String value) {
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (IOException e) {
      return value;
    }
  }

  private void collect(Part part, Bodies bodies, int depth) throws MessagingException, IOException {
    if (depth > 10) {
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Object content = part.getContent();
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child, bodies, depth + 1);
        }
      }
    } else if (part.isMimeType("message/rfc822")) {
      try (InputStream in = part.getInputStream()) {
        bodies.attached.add(read(in.readAllBytes()));
      }
    } else if (part.isMimeType("text/plain") && bodies.plain == null) {
      bodies.plain = String.valueOf(part.getContent());
    } else if (part.isMimeType("text/html") && bodies.html == null) {
      bodies.html = String.valueOf(part.getContent());
    }
  }

  private static final class Bodies {
    String plain;
    String html;
    final List<MimeMail> attached = new ArrayList<>();
  }
}
