package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.doorman.policies.Invitation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 2016: "please add me to your LinkedIn network" ({@code email_m2m_invite_single_01}: "View profile"
 * above "Accept", a rule of dots above the footer) and the older {@code M2M_Invitation} layout, with
 * a note and footer labels written "Change frequency::".
 */
class Generation2016Test {

  @Test
  void readsPleaseAddMe() {
    Invitation i = Fixtures.invitation("member-2016-please-add-me.eml");

    assertEquals("Mirela Okonjo", i.sender().name());
    assertEquals(Optional.of("Managing Director"), i.sender().headline());
    assertEquals(Optional.empty(), i.note());
    assertEquals(Optional.of("6132985418842456064"), i.invitationId());
    assertEquals(
        Optional.of("https://www.linkedin.com/comm/profile/view?id=AAsAAAJUVTYBWkKAZwppmyYBjwgm1AI0nKRyTwA&authType=name&authToken=eAsV&invAcpt=2197625_I6132985453227360256_500"),
        i.sender().profileUrl());
    assertEquals(List.of(), i.origin().problems());
  }

  @Test
  void readsTheM2mLayoutsNoteWithoutItsFooter() {
    Invitation i = Fixtures.invitation("member-2016-m2m-invitation.eml");

    assertEquals("Brendan Osei", i.sender().name());
    assertEquals(
        Optional.of("Oskar, we were on the same panel at the Gothenburg testing day, and I enjoyed your point about flaky suites. Let's keep in touch."),
        i.note());
    assertFalse(i.note().orElseThrow().contains("Change frequency"));
    assertEquals(Optional.of("6122153757099996400"), i.invitationId());
  }
}
