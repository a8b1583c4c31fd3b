package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlOnlyTest {

  @Test
  void readsAnHtmlOnlyInvitationWithButtonsAsLinks() {
    Invitation i =
        Read.invitation(
            """
            From: "Nadia Brook via LinkedIn" <invitations@linkedin.com>
            To: "Oskar Lund" <oskar@example.com>
            Subject: I want to connect
            Content-Type: text/html; charset=utf-8

            <html><head><style>p{margin:0}</style></head><body>
            <div style="display: none;">Oskar, Nadia Brook has invited you to connect</div>
            <table><tr><td><p>Hi Oskar,</p></td></tr>
            <tr><td><table><tr><td>We both worked at Kestrel &amp; Co<br>in the Hamburg office.</td></tr></table></td></tr>
            <tr><td><table><tr><td><a href="https://www.linkedin.com/comm/in/nadia-brook"><img src="https://media.licdn.com/x.png"></a></td>
            <td><a href="https://www.linkedin.com/comm/in/nadia-brook">Nadia Brook</a>
            <p>Data &amp; Platform Lead</p><p>Hamburg, Germany</p><p>4 mutual connections</p></td></tr></table></td></tr>
            <tr><td><a href="https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7400&amp;sharedKey=k&amp;trk=t">Accept</a>&nbsp;
            <a href="https://www.linkedin.com/comm/in/nadia-brook?trk=p">View profile</a></td></tr>
            <tr><td><p>This email was intended for Oskar Lund (CTO)</p></td></tr></table>
            </body></html>
            """);

    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.of("Data & Platform Lead"), i.sender().headline());
    assertEquals(Optional.of("Hamburg, Germany"), i.sender().location());
    assertEquals(4, i.mutualConnections().getAsInt());
    assertEquals(Optional.of("We both worked at Kestrel & Co\nin the Hamburg office."), i.note());
    assertEquals(
        Optional.of("https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7400&sharedKey=k"),
        i.acceptUrl());
  }

  @Test
  void leavesTheHiddenPreheaderOutOfAMessage() {
    Message m =
        Read.message(
            """
            From: "Nadia Brook via LinkedIn" <messages-noreply@linkedin.com>
            To: "Oskar Lund" <oskar@example.com>
            Subject: New message from Nadia Brook
            Content-Type: text/html; charset=utf-8

            <html><body><div style="display:none">Nadia: Yes, we met at the meetup…</div>
            <table><tr><td><p>Nadia sent you a new message</p></td></tr>
            <tr><td><a href="https://www.linkedin.com/comm/in/nadia">Nadia Brook</a><p>Platform Lead</p></td></tr>
            <tr><td><table><tr><td>Yes, we met at the meetup in Malmo last week.</td></tr></table></td></tr>
            <tr><td><a href="https://www.linkedin.com/comm/messaging/thread/2-abc">Reply</a></td></tr></table>
            </body></html>
            """);

    assertEquals("Nadia Brook", m.sender().name());
    assertEquals(Optional.of("Platform Lead"), m.sender().headline());
    assertEquals("Yes, we met at the meetup in Malmo last week.", m.text());
  }
}
