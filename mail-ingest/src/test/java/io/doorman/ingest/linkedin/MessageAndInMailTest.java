package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.doorman.policies.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Message notifications and InMail: the message text is what the sender wrote, without LinkedIn's
 * heading, buttons and footer; an InMail's subject is the message's own.
 */
class MessageAndInMailTest {

  @Test
  void readsAMessageWithoutItsHeading() {
    Message m = Fixtures.message("message-today.eml");

    assertEquals("Nadia Brook", m.sender().name());
    assertEquals(Optional.of("Platform Lead at Gullwing"), m.sender().headline());
    assertEquals(
        "Hi Oskar, yes \u2013 we met at the Malm\u00f6 Kafka meetup in March. I was the one asking about exactly-once delivery.",
        m.text());
    assertEquals(List.of(), m.origin().problems());
  }

  @Test
  void readsAnInMailWithItsOwnSubjectAndGreeting() {
    Message m = Fixtures.message("inmail-own-subject.eml");

    assertEquals("Rowan Achterberg", m.sender().name());
    assertEquals(Optional.of("Senior Technical Recruiter at Brightwater Health"), m.sender().headline());
    assertEquals(
        "Hi Oskar,\nI lead engineering hiring at Brightwater Health. We're building a new platform team in Gothenburg and your background in streaming systems stands out.\nWould you be open to a 20-minute chat next week?\nBest,\nRowan",
        m.text(),
        "the sender's own greeting is theirs, not LinkedIn's");
    assertFalse(m.text().contains("View message"));
    assertFalse(m.text().contains("intended for"));
  }
}
