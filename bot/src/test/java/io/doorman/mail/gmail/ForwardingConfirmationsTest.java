package io.doorman.mail.gmail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.RawMail;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.MimeReader;
import io.doorman.mail.Mailboxes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingConfirmationsTest {

  private static final String GMAIL = "From: " + Mailboxes.GMAIL_CONFIRMATION_FROM + "\n"
      + "To: doorman@example.com\n"
      + "Subject: " + Mailboxes.GMAIL_CONFIRMATION_SUBJECT + "\n"
      + "Content-Type: text/plain; charset=UTF-8\n\n"
      + Mailboxes.GMAIL_CONFIRMATION_BODY;

  private final ForwardingConfirmations confirmations =
      new ForwardingConfirmations(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

  private static MimeMail read(String text) throws Exception {
    return new MimeReader().read(new RawMail("t", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void recognisesGmailsConfirmationAndKeepsItsCodeForTheAdmin() throws Exception {
    List<ForwardingConfirmation> posted = new ArrayList<>();
    confirmations.subscribe(posted::add);
    ForwardingConfirmation c = confirmations.recognise(read(GMAIL)).orElseThrow();
    assertEquals("871234567", c.code());
    assertEquals(Optional.of("alice@gmail.com"), c.requestedBy());
    assertTrue(c.link().orElseThrow().getHost().equals("mail-settings.google.com"));
    assertEquals(List.of(c), posted);
    assertEquals(Optional.of(c), confirmations.latest());
  }

  @Test
  void theSameWordsFromAnyoneElseAreNotAConfirmation() throws Exception {
    assertTrue(confirmations.recognise(read(GMAIL.replace("forwarding-noreply@google.com", "forwarding@go0gle.example")))
        .isEmpty());
    assertTrue(confirmations.latest().isEmpty());
  }

  @Test
  void aLinkToAnotherHostIsNotOffered() throws Exception {
    ForwardingConfirmation c = confirmations.recognise(read(GMAIL.replace("mail-settings.google.com",
        "google.com.evil.example"))).orElseThrow();
    assertTrue(c.link().isEmpty());
    assertEquals("871234567", c.code());
  }
}
