package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Accepted;
import io.doorman.policies.Kind;
import io.doorman.policies.Notification;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtherMailTest {

  @Test
  void aXingContactRequestIsNotAnInvitation() {
    Notification n =
        Read.one(
            """
            From: XING <mailrobot@mail.xing.com>
            To: Oskar Lund <oskar@example.com>
            Subject: Nadia Brook möchte sich mit Ihnen vernetzen
            Content-Type: text/plain; charset=utf-8

            Hallo Oskar,

            Nadia Brook möchte Sie als Kontakt hinzufügen.

            Nadia Brook
            Platform Lead

            Kontaktanfrage ansehen: https://www.xing.com/contacts/requests
            """);

    assertEquals(Kind.OTHER, n.kind());
  }

  @Test
  void peopleYouMayKnowIsNotAnInvitation() {
    Notification n =
        Read.one(
            """
            From: LinkedIn <messages-noreply@linkedin.com>
            To: Oskar Lund <oskar@example.com>
            Subject: Oskar, do you know Nadia Brook?
            Content-Type: text/plain; charset=utf-8

            People you may know

            Nadia Brook
            Platform Lead
            14 mutual connections

            Connect: https://www.linkedin.com/comm/mynetwork/discovery-see-all?usecase=PEOPLE_YOU_MAY_KNOW
            View profile: https://www.linkedin.com/comm/in/nadia-brook
            """);

    assertEquals(Kind.OTHER, n.kind());
  }

  @Test
  void readsWhoAcceptedAnInvitation() {
    Notification n =
        Read.one(
            """
            From: LinkedIn <invitations@linkedin.com>
            To: Oskar Lund <oskar@example.com>
            Subject: Nadia Brook has accepted your invitation
            Content-Type: text/plain; charset=utf-8

            Hi Oskar,

            Nadia accepted your invitation. Start a conversation with your new connection.

            Nadia Brook
            Platform Lead

            Message Nadia: https://www.linkedin.com/comm/messaging/compose?recipient=x
            View profile: https://www.linkedin.com/comm/in/nadia-brook
            """);

    Accepted a = (Accepted) n;
    assertEquals("Nadia Brook", a.person().name());
    assertEquals(Optional.of("Platform Lead"), a.person().headline());
  }
}
