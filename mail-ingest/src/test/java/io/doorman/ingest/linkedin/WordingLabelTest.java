package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.linkedin.Wording.LinkRole;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WordingLabelTest {

  @Test
  void readsLinkLabelsInAnyCase() {
    assertEquals(Optional.of(LinkRole.ACCEPT), Wording.role("ACCEPT"));
    assertEquals(Optional.of(LinkRole.THREAD), Wording.role("RÉPONDRE"));
    assertEquals(Optional.of(LinkRole.PROFILE), Wording.role("  View profile "));
    assertEquals(Optional.of(LinkRole.OTHER), Wording.role("İgnore"));
  }

  @Test
  void onlyTheOtherLabelsMayEndWithAFullStop() {
    assertEquals(Optional.of(LinkRole.OTHER), Wording.role("Unsubscribe."));
    assertEquals(Optional.empty(), Wording.role("Accept."));
  }

  @Test
  void readsLabelsThatNameTheMember() {
    assertEquals(Optional.of(LinkRole.PROFILE), Wording.role("View Jane Doe's profile"));
    assertEquals(Optional.of(LinkRole.PROFILE), Wording.role("Profil von Jane Doe anzeigen"));
    assertEquals(Optional.of(LinkRole.OTHER), Wording.role("Message Jane."));
    assertEquals(Optional.of(LinkRole.THREAD), Wording.role("Nachricht anzeigen"));
  }

  @Test
  void textIsNoLabel() {
    assertEquals(Optional.empty(), Wording.role("I run a meetup"));
    assertEquals(Optional.empty(), Wording.role(""));
  }

  @Test
  void findsFooterOpeningsInAnyCase() {
    assertTrue(Wording.isFooterStart("  this email was intended for Paul Okafor (Engineer)"));
    assertTrue(Wording.isFooterStart("© 2026 LinkedIn Corporation"));
    assertFalse(Wording.isFooterStart("Thanks for the email"));
  }

  @Test
  void countsMutualConnectionsWhateverTheCase() {
    assertEquals(OptionalInt.of(12), Wording.mutualCount("12 MUTUAL CONNECTIONS"));
    assertEquals(OptionalInt.of(3), Wording.mutualCount("3 contactos en COMÚN"));
    assertEquals(OptionalInt.empty(), Wording.mutualCount("12 connections"));
  }
}
