package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateGenerationsTest {

  private static final String HEAD =
      """
      From: "Nadia Brook via LinkedIn" <invitations@linkedin.com>
      To: "Oskar Lund" <oskar@example.com>
      Message-ID: <gen-1@linkedin.com>
      Date: Tue, 03 Nov 2026 10:00:00 +0000
      MIME-Version: 1.0
      Content-Type: text/plain; charset=utf-8
      """;

  @Test
  void readsTheNewTemplateWithTheNoteBeforeThePerson() {
    Invitation i =
        Read.invitation(
            HEAD
                + """
                Subject: I want to connect

                Hi Oskar,

                Oskar, we sat together at the Malmo Kafka meetup on Tuesday.
                Let's stay in touch.

                Nadia Brook
                Platform Lead at Gullwing
                Malmo, Sweden
                7 mutual connections

                Accept:
                https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7111&sharedKey=abc&trk=x&midToken=y

                View profile:
                https://www.linkedin.com/comm/in/nadia-brook?midToken=y&trkEmail=z

                This email was intended for Oskar Lund (CTO at Example)
                """);

    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.of("Platform Lead at Gullwing"), i.sender().headline());
    assertEquals(Optional.of("Malmo, Sweden"), i.sender().location());
    assertEquals(7, i.mutualConnections().getAsInt());
    assertEquals(
        Optional.of("Oskar, we sat together at the Malmo Kafka meetup on Tuesday.\nLet's stay in touch."),
        i.note());
    assertEquals(
        Optional.of("https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7111&sharedKey=abc"),
        i.acceptUrl());
    assertEquals(Optional.of("https://www.linkedin.com/comm/in/nadia-brook"), i.sender().profileUrl());
    assertEquals(Optional.of("7111"), i.invitationId());
    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity());
    assertEquals(Optional.of("Oskar Lund"), i.origin().recipient());
  }

  @Test
  void readsTheClassicTemplateWithThePersonBeforeTheNote() {
    Invitation i =
        Read.invitation(
            HEAD
                + """
                Subject: Invitation to connect on LinkedIn

                Hi Oskar,

                Nadia Brook
                Platform Lead at Gullwing
                3 mutual connections

                We both spoke at the Nordic SRE day last spring.

                Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7112&sharedKey=abc
                View profile: https://www.linkedin.com/comm/in/nadia-brook
                """);

    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.of("Platform Lead at Gullwing"), i.sender().headline());
    assertTrue(i.sender().location().isEmpty());
    assertEquals(3, i.mutualConnections().getAsInt());
    assertEquals(Optional.of("We both spoke at the Nordic SRE day last spring."), i.note());
  }

  @Test
  void readsTheOldTemplateWhoseSenderIsTheFromNameAndWhoseDefaultTextIsNoNote() {
    Invitation i =
        Read.invitation(
            """
            From: Nadia Brook <invitations@linkedin.com>
            To: Oskar Lund <oskar@example.com>
            Subject: Oskar, please add me to your LinkedIn network
            Content-Type: text/plain; charset=utf-8

            Oskar,

            I'd like to join your LinkedIn network.

            Nadia Brook
            Platform Lead at Gullwing
            Malmo, Sweden

            Accept: https://www.linkedin.com/comm/people/invite-accept?mboxid=I1&sharedKey=k&invitationId=5999000001&trk=t
            View Nadia Brook's profile: https://www.linkedin.com/comm/profile/view?id=AAsAA1&authType=name&trk=t

            ........................................................
            You received an invitation to connect. LinkedIn will use your email address to make suggestions.
            """);

    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.empty(), i.note());
    assertFalse(i.mutualConnections().isPresent());
    assertEquals(Optional.of("5999000001"), i.invitationId());
    assertEquals(
        Optional.of("https://www.linkedin.com/comm/profile/view?id=AAsAA1&authType=name"),
        i.sender().profileUrl());
  }

  @Test
  void takesTheNameFromTheHeadingWhenTheSenderIsJustLinkedIn() {
    Invitation i =
        Read.invitation(
            """
            From: LinkedIn <invitations@linkedin.com>
            To: Oskar Lund <oskar@example.com>
            Subject: Nadia Brook wants to connect
            Content-Type: text/plain; charset=utf-8

            Oskar,

            Nadia Brook wants to connect

            Nadia Brook
            Platform Lead at Gullwing

            Accept [https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7113&sharedKey=abc]
            View profile [https://www.linkedin.com/comm/in/nadia-brook]
            """);

    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.of("Platform Lead at Gullwing"), i.sender().headline());
    assertEquals(Optional.empty(), i.note());
    assertEquals(Optional.of("7113"), i.invitationId());
  }
}
