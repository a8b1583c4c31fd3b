package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardedAsAttachmentTest {

  @Test
  void readsTheAttachedOriginalWithItsOwnHeaders() {
    Invitation i =
        Read.invitation(
            """
            From: Oskar Lund <oskar@example.com>
            To: doorman@example.com
            Subject: Fwd: Invitation to connect on LinkedIn
            Message-ID: <outer@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="XX"

            --XX
            Content-Type: text/plain; charset=utf-8

            What do you think of this one? Hi there, I mean.

            --XX
            Content-Type: message/rfc822; name="invite.eml"
            Content-Disposition: attachment; filename="invite.eml"

            From: "Nadia Brook via LinkedIn" <invitations@linkedin.com>
            To: "Oskar Lund" <oskar@example.com>
            Subject: Invitation to connect on LinkedIn
            Message-ID: <original-7@linkedin.com>
            Date: Tue, 03 Nov 2026 10:00:00 +0000
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Hi Oskar,

            Nadia Brook
            Platform Lead at Gullwing

            We were both at the K=C3=B8benhavn data summit.

            Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7300&sharedKey=k
            View profile: https://www.linkedin.com/comm/in/nadia-brook
            --XX--
            """);

    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.of("We were both at the København data summit."), i.note());
    assertEquals(Optional.of("<original-7@linkedin.com>"), i.origin().messageId());
    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity());
    assertEquals(Optional.of("Oskar Lund"), i.origin().recipient());
  }
}
