package io.doorman.ingest.linkedin;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helper: reads an email written as text (LF line ends become CRLF, as on the wire). */
final class Read {

  private static final MailReader READER = new MailReader();

  private Read() {}

  static List<Notification> all(String email) {
    byte[] bytes = email.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    try {
      return READER.read(new RawMail("test.eml", bytes));
    } catch (UnreadableMailException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static Notification one(String email) {
    List<Notification> all = all(email);
    if (all.size() != 1) {
      throw new AssertionError("expected one notification, got " + all);
    }
    return all.get(0);
  }

  static Invitation invitation(String email) {
    Notification n = one(email);
    if (!(n instanceof Invitation i)) {
      throw new AssertionError("expected an invitation, got " + n);
    }
    return i;
  }

  static Message message(String email) {
    Notification n = one(email);
    if (!(n instanceof Message m)) {
      throw new AssertionError("expected a message, got " + n);
    }
    return m;
  }
}
