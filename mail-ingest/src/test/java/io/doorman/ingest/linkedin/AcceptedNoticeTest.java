package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Accepted;
import io.doorman.policies.Authenticity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Jane Doe has accepted your invitation" (2016: "View profile here:", "Send a message:") and today's. */
class AcceptedNoticeTest {

  @Test
  void reads2016sNoticeByItsHeading() {
    Accepted a = Fixtures.accepted("accepted-2016.eml");

    assertEquals("Luciana Ferreira", a.person().name());
    assertEquals(Optional.empty(), a.person().headline());
    assertEquals(Optional.of("https://www.linkedin.com/comm/profile/view"), a.person().profileUrl());
    assertEquals(Authenticity.LINKEDIN, a.origin().authenticity());
    assertEquals(List.of(), a.origin().problems());
  }

  @Test
  void readsTodaysNoticeWithItsPersonBlock() {
    Accepted a = Fixtures.accepted("accepted-today.eml");

    assertEquals("Kwame Asante", a.person().name());
    assertEquals(Optional.of("Head of Design at Umber Studio"), a.person().headline());
    assertEquals(Optional.of("https://www.linkedin.com/comm/in/kwame-asante-07b1"), a.person().profileUrl());
  }
}
