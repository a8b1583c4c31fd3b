package io.doorman.ingest.authenticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.Limits;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.dkim.DkimVerifier;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Authentication-Results count only from the receiving servers the operator names: a trusted
 * server's dmarc=pass verifies, its dkim=fail is forgery, and the same header written by anyone
 * else changes nothing.
 */
class TrustedServersTest {

  private static final String INVITATION =
      "From: \"Nadia Brook via LinkedIn\" <invitations@linkedin.com>\r\n"
          + "To: Oskar Lund <oskar@example.com>\r\n"
          + "Subject: I want to connect\r\n"
          + "Message-ID: <ar-1@linkedin.com>\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "\r\n"
          + "Hi Oskar,\r\n\r\nWe met at the Malmo meetup.\r\n\r\nNadia Brook\r\nPlatform Lead\r\n\r\n"
          + "Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=9001&sharedKey=k\r\n";

  private static final MailReader READER = new MailReader(Limits.DEFAULTS,
      new DkimVerifier((selector, domain) -> Optional.empty(), Clock.systemUTC()), new TrustedServers(Set.of("mx.google.com")));

  private static Notification read(String authenticationResults) throws Exception {
    String mail = "Authentication-Results: " + authenticationResults + "\r\n" + INVITATION;
    List<Notification> n = READER.read(new RawMail("ar.eml", mail.getBytes(StandardCharsets.UTF_8)));
    return n.get(0);
  }

  @Test
  void aTrustedServersDmarcPassVerifies() throws Exception {
    Notification n = read("mx.google.com; dkim=pass header.i=@linkedin.com header.s=d2048-2 header.b=abc;"
        + " spf=pass (google.com: domain of s-x@bounce.linkedin.com designates 1.2.3.4 as permitted sender)"
        + " smtp.mailfrom=s-x@bounce.linkedin.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=linkedin.com");

    assertTrue(n.origin().verified());
    assertEquals(Authenticity.LINKEDIN, n.origin().authenticity());
  }

  @Test
  void aTrustedServersDkimFailIsForgery() throws Exception {
    Notification n = read("mx.google.com; dkim=fail (bad signature) header.d=linkedin.com; dmarc=fail header.from=linkedin.com");

    assertFalse(n.origin().verified());
    assertEquals(Authenticity.SPOOFED, n.origin().authenticity());
  }

  @Test
  void theSameHeaderFromAnyoneElseIsIgnored() throws Exception {
    Notification passed = read("mx.evil.example; dkim=pass header.d=linkedin.com; dmarc=pass header.from=linkedin.com");
    Notification failed = read("mx.evil.example; dkim=fail header.d=linkedin.com; dmarc=fail header.from=linkedin.com");

    assertFalse(passed.origin().verified(), "anyone can write a pass");
    assertEquals(Authenticity.LINKEDIN, failed.origin().authenticity(), "or a fail");
  }

  @Test
  void readsCommentsQuotedValuesAndVersions() {
    AuthenticationResults ar = AuthenticationResults.parse(
        "mx.google.com 1; dkim/1=pass (2048-bit key) header.d=\"linkedin.com\"; arc=none").orElseThrow();

    assertEquals("mx.google.com", ar.authservId());
    assertEquals(Optional.of("linkedin.com"), ar.of("dkim").get(0).property("header.d"));
    assertTrue(ar.of("dkim").get(0).passed());
  }
}
