package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Invitation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Today's templates: "Jane Doe wants to connect" without a note, "I want to connect" with one,
 * mutual connections in their several forms, the accept link's ids in its path, and an HTML-only
 * version whose buttons name the member ("Accept invitation from …", "View …'s profile").
 */
class TodaysTemplateTest {

  @Test
  void readsWantsToConnectWithoutANote() {
    Invitation i = Fixtures.invitation("today-wants-to-connect-no-note.eml");

    assertEquals("Saanvi Rao", i.sender().name());
    assertEquals(Optional.of("Data Engineer at Kestrel Mobility"), i.sender().headline());
    assertEquals(Optional.of("Bengaluru, Karnataka, India"), i.sender().location());
    assertEquals(12, i.mutualConnections().getAsInt(), "Lena Vogt and 11 other mutual connections");
    assertEquals(Optional.empty(), i.note(), "the heading is LinkedIn's");
    assertEquals(Optional.of("7402117733950537728"), i.invitationId(), "from the accept link's path");
    assertEquals(
        Optional.of("https://www.linkedin.com/comm/mynetwork/invite-accept/invitationId/7402117733950537728/sharedKey/dLv2StPeQa/"),
        i.acceptUrl());
    assertEquals(Optional.of("https://www.linkedin.com/comm/in/saanvi-rao-4b1c2d9a"), i.sender().profileUrl());
    assertEquals(List.of(), i.origin().problems());
  }

  @Test
  void readsTheNoteExactlyAsWritten() {
    Invitation i = Fixtures.invitation("today-i-want-to-connect-note.eml");

    assertEquals(
        Optional.of("Hi Oskar \u2013 I\u2019m leading the data platform rebuild at Kestrel and your talk on CDC pipelines at Berlin Buzzwords was exactly what we needed. Would love to compare notes."),
        i.note());
    assertEquals(3, i.mutualConnections().getAsInt());
    assertEquals(List.of(), i.origin().problems(), "the note stands in both parts");
  }

  @Test
  void readsAnHtmlOnlyInvitationWhoseButtonsNameTheMember() {
    Invitation i = Fixtures.invitation("today-html-only-named-labels.eml");

    assertEquals("Callum Reyes", i.sender().name());
    assertEquals(
        Optional.of("We met at the Rust Nation workshop in London; you helped me with the borrow checker exercise."),
        i.note());
    assertEquals(2, i.mutualConnections().getAsInt());
    assertTrue(i.acceptUrl().isPresent());
  }
}
