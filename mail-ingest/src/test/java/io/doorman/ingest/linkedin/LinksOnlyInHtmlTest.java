package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinksOnlyInHtmlTest {

  @Test
  void findsTheAcceptLinkInTheHtmlWhenTheTextHasNone() {
    Invitation i =
        Read.invitation(
            """
            From: "Nadia Brook via LinkedIn" <invitations@linkedin.com>
            To: "Oskar Lund" <oskar@example.com>
            Subject: Nadia Brook wants to connect
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            Hi Oskar,

            Nadia Brook
            Platform Lead

            --b1
            Content-Type: text/html; charset=utf-8

            <p>Hi Oskar,</p><p><a href="https://www.linkedin.com/comm/in/nadia-brook">Nadia Brook</a></p>
            <p><a href="https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=9100&amp;sharedKey=k&amp;trk=t">Accept</a>
            <a href="https://www.linkedin.com/comm/in/nadia-brook?trk=p">View profile</a></p>
            --b1--
            """);

    assertEquals(Optional.of("9100"), i.invitationId());
    assertEquals(
        Optional.of("https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=9100&sharedKey=k"),
        i.acceptUrl());
    assertEquals(Optional.of("https://www.linkedin.com/comm/in/nadia-brook"), i.sender().profileUrl());
    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity());
    assertEquals(Optional.empty(), i.note());
  }
}
