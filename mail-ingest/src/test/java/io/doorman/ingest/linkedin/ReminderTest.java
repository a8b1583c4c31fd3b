package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Invitation;
import org.junit.jupiter.api.Test;

class ReminderTest {

  private static String mail(String subject, String heading) {
    return """
        From: "Nadia Brook via LinkedIn" <invitations@linkedin.com>
        To: "Oskar Lund" <oskar@example.com>
        Subject: %s
        Content-Type: text/plain; charset=utf-8

        Hallo Oskar,

        %s

        Wir haben uns beim Workshop in Leipzig kennengelernt.

        Nadia Brook
        Platform Lead

        Annehmen:
        https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7600&sharedKey=k&trk=%s
        """
        .formatted(subject, heading, subject.length());
  }

  @Test
  void aReminderIsTheSameInvitationAsTheOriginal() {
    Invitation original =
        Read.invitation(mail("Nadia Brook möchte sich mit Ihnen vernetzen", ""));
    Invitation reminder =
        Read.invitation(
            mail("Erinnerung: Nadia Brook wartet auf Ihre Antwort", "Nadia Brook wartet auf Ihre Antwort"));

    assertFalse(original.reminder());
    assertTrue(reminder.reminder());
    assertEquals(original.key(), reminder.key());
    assertEquals(original.note(), reminder.note());
    assertEquals(original.acceptUrl(), reminder.acceptUrl(), "tracking parameters removed from both");
  }
}
