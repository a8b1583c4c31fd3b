package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TemplateTextLabelTest {

  @Test
  void readsLinkLabelsInAnyCase() {
    assertEquals(Optional.of(LinkRole.ACCEPT), TemplateText.role("ACCEPT"));
    assertEquals(Optional.of(LinkRole.THREAD), TemplateText.role("RÉPONDRE"));
    assertEquals(Optional.of(LinkRole.PROFILE), TemplateText.role("  View profile "));
    assertEquals(Optional.of(LinkRole.OTHER), TemplateText.role("İgnore"));
  }

  @Test
  void onlyTheOtherLabelsMayEndWithAFullStop() {
    assertEquals(Optional.of(LinkRole.OTHER), TemplateText.role("Unsubscribe."));
    assertEquals(Optional.empty(), TemplateText.role("Accept."));
  }

  @Test
  void readsLabelsThatNameTheMember() {
    assertEquals(Optional.of(LinkRole.PROFILE), TemplateText.role("View Jane Doe's profile"));
    assertEquals(Optional.of(LinkRole.PROFILE), TemplateText.role("Profil von Jane Doe anzeigen"));
    assertEquals(Optional.of(LinkRole.COMPOSE), TemplateText.role("Message Jane."));
    assertEquals(Optional.of(LinkRole.THREAD), TemplateText.role("Nachricht anzeigen"));
  }

  @Test
  void textIsNoLabel() {
    assertEquals(Optional.empty(), TemplateText.role("I run a meetup"));
    assertEquals(Optional.empty(), TemplateText.role(""));
  }

  @Test
  void findsFooterOpeningsInAnyCase() {
    assertTrue(TemplateText.isFooterStart("  this email was intended for Paul Okafor (Engineer)"));
    assertTrue(TemplateText.isFooterStart("© 2026 LinkedIn Corporation"));
    assertFalse(TemplateText.isFooterStart("Thanks for the email"));
  }

  @Test
  void countsMutualConnectionsWhateverTheCase() {
    assertEquals(OptionalInt.of(12), TemplateText.mutualCount("12 MUTUAL CONNECTIONS"));
    assertEquals(OptionalInt.of(3), TemplateText.mutualCount("3 contactos en COMÚN"));
    assertEquals(OptionalInt.empty(), TemplateText.mutualCount("12 connections"));
  }
}
