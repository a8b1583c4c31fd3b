package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticityTest {

  private static Invitation read(String from, String linkBase) {
    return Read.invitation(
        """
        From: "Nadia Brook via LinkedIn" <%s>
        To: "Oskar Lund" <oskar@example.com>
        Subject: Nadia Brook wants to connect
        Content-Type: text/plain; charset=utf-8

        Hi Oskar,

        Nadia Brook
        Platform Lead

        Accept: %s/comm/mynetwork/invite-accept?invitationId=7700&sharedKey=k
        View profile: %s/comm/in/nadia-brook
        """
            .formatted(from, linkBase, linkBase));
  }

  @ParameterizedTest(name = "{0} with links to {1} is {2}")
  @CsvSource({
    "invitations@linkedin.com, https://www.linkedin.com, LINKEDIN",
    "invitations@e.linkedin.com, https://lnkd.in, LINKEDIN",
    "invitations@linkedln.com, https://www.linkedln.com, SPOOFED",
    "invitations@linkedin-mail.com, https://www.linkedin.com, SPOOFED",
    "invitations@linkedin.com, https://linkedin.com.evil.example, SPOOFED",
    "invitations@linkedin.com, https://linkedin.com-invitations.secure-connect.net, SPOOFED",
    "invitations@linkedin.com.evil.example, https://www.linkedin.com, SPOOFED"
  })
  void judgesTheSenderDomainAndEveryLink(String from, String linkBase, Authenticity expected) {
    Invitation i = read(from, linkBase);

    assertEquals(expected, i.origin().authenticity());
    if (expected == Authenticity.SPOOFED) {
      assertEquals(Optional.empty(), i.acceptUrl());
      assertEquals(Optional.empty(), i.sender().profileUrl());
    } else {
      assertEquals(true, i.acceptUrl().isPresent());
    }
  }
}
