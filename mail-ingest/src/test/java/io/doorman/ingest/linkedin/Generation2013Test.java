package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 2012–2013: "… would like to connect on LinkedIn. How would you like to respond?", the person block
 * below the accept link, links through LinkedIn's {@code /blink} and {@code /e/} redirectors; and
 * its reminder ("This is a reminder that on … invited you", subject "…'s invitation is awaiting
 * your response").
 */
class Generation2013Test {

  @Test
  void readsTheInvitationAndItsPersonBlock() {
    Invitation i = Fixtures.invitation("member-2013-invitation.eml");

    assertEquals("Ilse Marwood", i.sender().name());
    assertEquals(Optional.of("Logistics Planner at Harbourline Freight"), i.sender().headline());
    assertEquals(Optional.of("Rotterdam Area, Netherlands"), i.sender().location());
    assertEquals(Optional.empty(), i.note(), "the heading and the footer are LinkedIn's");
    assertTrue(i.acceptUrl().orElseThrow().startsWith("http://www.linkedin.com/blink?"), i.acceptUrl().toString());
    assertFalse(i.reminder());
    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity());
    assertEquals(List.of(), i.origin().problems());
  }

  @Test
  void readsTheReminderAsTheSameInvitation() {
    Invitation original = Fixtures.invitation("member-2013-invitation.eml");
    Invitation reminder = Fixtures.invitation("member-2013-reminder.eml");

    assertTrue(reminder.reminder());
    assertEquals(original.key(), reminder.key());
    assertEquals(Optional.empty(), reminder.note(), "\"This is a reminder that …\" is LinkedIn's");
    assertEquals(original.sender().headline(), reminder.sender().headline());
  }
}
