package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 2015 ({@code invite_member_28}): the greeting and "I'd like to connect with you on LinkedIn." in
 * one paragraph, above the person block; "View Jane Doe's profile"; the footer's unsubscribe link
 * inside a sentence. The same mail posted into an issue tracker without its headers parses too,
 * unverified.
 */
class Generation2015Test {

  @Test
  void readsTheDefaultTextAsNoNote() {
    Invitation i = Fixtures.invitation("member-2015-invitation.eml");

    assertEquals("Teodor Vasquez", i.sender().name());
    assertEquals(Optional.of("Student at Ridgeway University"), i.sender().headline());
    assertEquals(Optional.empty(), i.note());
    assertEquals(Optional.of("6071348795453583360"), i.invitationId());
    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity());
    assertEquals(Optional.of("Oskar Lund"), i.origin().recipient());
  }

  @Test
  void readsTheSameMailPostedWithoutItsHeaders() {
    Invitation original = Fixtures.invitation("member-2015-invitation.eml");
    Invitation posted = Fixtures.invitation("member-2015-body-only.eml");

    assertEquals(original.sender(), posted.sender());
    assertEquals(original.invitationId(), posted.invitationId());
    assertEquals(Optional.empty(), posted.note(), "the gateway's own lines are below LinkedIn's footer");
    assertEquals(Authenticity.UNVERIFIED, posted.origin().authenticity(), "nothing shows who sent it");
    assertEquals(List.of(), posted.origin().problems());
  }
}
