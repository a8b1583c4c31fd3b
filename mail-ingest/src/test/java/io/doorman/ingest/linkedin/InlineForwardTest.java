package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Gmail, Outlook (English and German) and Apple Mail inline forwards, and a bare paste. */
class InlineForwardTest {

  private static final String ORIGINAL_BODY =
      """
      Hi Oskar,

      We met at the Malmo Kafka meetup, I asked about consumer lag.

      Nadia Brook
      Platform Lead at Gullwing
      2 mutual connections

      Accept:
      https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7200&sharedKey=abc&trk=x

      View profile:
      https://www.linkedin.com/comm/in/nadia-brook?trk=y

      This email was intended for Oskar Lund (CTO at Example)
      """;

  private static String forward(String block) {
    return """
        From: Oskar Lund <oskar@example.com>
        To: doorman@example.com
        Subject: Fwd: I want to connect
        Message-ID: <fwd-1@example.com>
        Content-Type: text/plain; charset=utf-8

        Should I accept this one? She says we met.

        Cheers,
        Oskar

        """
        + block
        + "\n"
        + ORIGINAL_BODY;
  }

  private static void assertOriginalRead(Invitation i, Authenticity expected) {
    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.of("Platform Lead at Gullwing"), i.sender().headline());
    assertEquals(2, i.mutualConnections().getAsInt());
    assertEquals(Optional.of("We met at the Malmo Kafka meetup, I asked about consumer lag."), i.note());
    assertEquals(expected, i.origin().authenticity());
  }

  @Test
  void readsTheOriginalBelowAGmailForwardAndIgnoresTheForwardersComment() {
    Invitation i =
        Read.invitation(
            forward(
                """
                ---------- Forwarded message ---------
                From: Nadia Brook via LinkedIn <invitations@linkedin.com>
                Date: Tue, Nov 3, 2026 at 10:00 AM
                Subject: I want to connect
                To: Oskar Lund <oskar@example.com>
                """));

    assertOriginalRead(i, Authenticity.LINKEDIN);
    assertEquals(Optional.empty(), i.origin().messageId(), "the forward's Message-ID is not the original's");
  }

  @Test
  void readsAnOutlookForwardWithGermanLabels() {
    Invitation i =
        Read.invitation(
            forward(
                """
                ________________________________
                Von: Nadia Brook via LinkedIn <invitations@linkedin.com>
                Gesendet: Dienstag, 3. November 2026 10:00
                An: Oskar Lund <oskar@example.com>
                Betreff: I want to connect
                """));

    assertOriginalRead(i, Authenticity.LINKEDIN);
  }

  @Test
  void readsAnAppleMailForward() {
    Invitation i =
        Read.invitation(
            forward(
                """
                Begin forwarded message:

                From: Nadia Brook via LinkedIn <invitations@linkedin.com>
                Subject: I want to connect
                Date: 3 November 2026 at 10:00:00 GMT
                To: Oskar Lund <oskar@example.com>
                """));

    assertOriginalRead(i, Authenticity.LINKEDIN);
  }

  @Test
  void isUnverifiedWhenTheForwardHidesTheOriginalSendersAddress() {
    Invitation i =
        Read.invitation(
            forward(
                """
                -----Original Message-----
                From: Nadia Brook via LinkedIn
                Sent: Tuesday, November 3, 2026 10:00 AM
                Subject: I want to connect
                """));

    assertOriginalRead(i, Authenticity.UNVERIFIED);
  }

  @Test
  void readsAnInvitationPastedBelowAComment() {
    Invitation i = Read.invitation(forward(""));

    assertOriginalRead(i, Authenticity.UNVERIFIED);
  }

  @Test
  void isSpoofedWhenTheForwardedSenderIsALookAlike() {
    Invitation i =
        Read.invitation(
            forward(
                """
                ---------- Forwarded message ---------
                From: Nadia Brook via LinkedIn <invitations@linkedin-mail.com>
                Subject: I want to connect
                To: Oskar Lund <oskar@example.com>
                """));

    assertEquals(Authenticity.SPOOFED, i.origin().authenticity());
    assertEquals(Optional.empty(), i.acceptUrl(), "a spoofed notification's links are never shown");
    assertEquals(Optional.empty(), i.sender().profileUrl());
  }
}
