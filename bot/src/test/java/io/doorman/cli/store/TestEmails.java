package io.doorman.cli.store;

/** LinkedIn notifications written for these tests (not taken from the shared corpus). */
final class TestEmails {

  private TestEmails() {}

  /** Jane Doe's invitation to Paul, with its own Message-ID and LinkedIn invitation id. */
  static String invitation(String messageId, String invitationId) {
    return """
        From: "Jane Doe via LinkedIn" <invitations@linkedin.com>
        To: "Paul Okafor" <paul@example.com>
        Subject: Jane Doe wants to connect
        Message-ID: <%s@linkedin.com>
        Content-Type: text/plain; charset=utf-8

        Hi Paul,

        Jane Doe wants to connect

        Jane Doe
        Recruiter at Example
        2 mutual connections

        Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=%s&sharedKey=k
        View profile: https://www.linkedin.com/comm/in/jane-doe
        """
        .formatted(messageId, invitationId);
  }
}
