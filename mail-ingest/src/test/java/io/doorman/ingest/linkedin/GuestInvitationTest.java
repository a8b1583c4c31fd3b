package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Invitation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Invitations to people who have no LinkedIn account, and their first and second reminders: no
 * headline, the note (or default text) after the links and signed "- Name", links that read
 * "Confirm that you know …:" or go to {@code /comm/start/accept-invitation}, greeted by address.
 */
class GuestInvitationTest {

  @Test
  void theSignedDefaultTextIsNoNote() {
    Invitation i = Fixtures.invitation("guest-invitation.eml");

    assertEquals("Marcus Feld", i.sender().name());
    assertEquals(Optional.empty(), i.sender().headline());
    assertEquals(Optional.empty(), i.note());
    assertEquals(Optional.of("6208290946065457152"), i.invitationId(), "\"Confirm that you know …:\" is the accept link");
    assertFalse(i.reminder());
    assertEquals(List.of(), i.origin().problems());
  }

  @Test
  void aRemindersNoteLosesOnlyItsSignature() {
    Invitation i = Fixtures.invitation("guest-first-reminder.eml");

    assertEquals(Optional.of("Priya, it was good to meet you at the Leeds product meetup. Let's stay in touch."), i.note());
    assertTrue(i.reminder());
    assertEquals(Optional.empty(), i.sender().headline());
  }

  @Test
  void theSecondReminderIsTheSameInvitation() {
    Invitation first = Fixtures.invitation("guest-invitation.eml");
    Invitation second = Fixtures.invitation("guest-second-reminder.eml");

    assertTrue(second.reminder());
    assertEquals(first.key(), second.key());
    assertEquals(Optional.empty(), second.note());
    assertEquals(Optional.of("priya.nair@example.org"), second.origin().recipient());
  }
}
