package io.doorman.ingest.linkedin;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.policies.Accepted;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test helper: reads the repo's own LinkedIn fixtures ({@code fixtures/*.eml} beside these tests),
 * written for Doorman from the structure of LinkedIn's mail: invented people and addresses.
 */
final class Fixtures {

  private static final MailReader READER = new MailReader();

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
      if (in == null) {
        throw new AssertionError("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Notification> all(String name) {
    try {
      return READER.read(new RawMail(name, bytes(name)));
    } catch (UnreadableMailException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static Notification one(String name) {
    List<Notification> all = all(name);
    if (all.size() != 1) {
      throw new AssertionError("expected one notification in " + name + ", got " + all);
    }
    return all.get(0);
  }

  static Invitation invitation(String name) {
    return as(Invitation.class, one(name));
  }

  static Message message(String name) {
    return as(Message.class, one(name));
  }

  static Accepted accepted(String name) {
    return as(Accepted.class, one(name));
  }

  private static <T> T as(Class<T> type, Notification n) {
    if (!type.isInstance(n)) {
      throw new AssertionError("expected " + type.getSimpleName() + ", got " + n);
    }
    return type.cast(n);
  }
}
