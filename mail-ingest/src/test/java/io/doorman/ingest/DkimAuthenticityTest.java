package io.doorman.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.dkim.DkimVerifier;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.apache.james.jdkim.DKIMSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A LinkedIn invitation carrying a DKIM signature: kept when it verifies, spoofed when not. */
class DkimAuthenticityTest {

  private static final String INVITATION =
      "From: \"Nadia Brook via LinkedIn\" <invitations@linkedin.com>\r\n"
          + "To: Oskar Lund <oskar@example.com>\r\n"
          + "Subject: I want to connect\r\n"
          + "Message-ID: <dkim-2@linkedin.com>\r\n"
          + "Content-Type: text/plain; charset=utf-8\r\n"
          + "\r\n"
          + "Hi Oskar,\r\n\r\nWe met at the Malmo meetup.\r\n\r\nNadia Brook\r\nPlatform Lead\r\n\r\n"
          + "Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=9001&sharedKey=k\r\n";

  private static KeyPair key;
  private static MailReader reader;

  @BeforeAll
  static void setUp() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
    String record = "v=DKIM1; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    reader =
        new MailReader(
            Limits.DEFAULTS,
            new DkimVerifier((selector, domain) -> Optional.of(record), Clock.systemUTC()));
  }

  private static String signed(String message, String domain) throws Exception {
    DKIMSigner signer =
        new DKIMSigner(
            "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=s1; h=from:to:subject; bh=; b=;",
            key.getPrivate());
    return signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8))) + "\r\n" + message;
  }

  private static Invitation read(String message) throws Exception {
    return (Invitation) reader.read(new RawMail("dkim.eml", message.getBytes(StandardCharsets.UTF_8))).get(0);
  }

  @Test
  void aValidLinkedInSignatureKeepsItAuthentic() throws Exception {
    Invitation i = read(signed(INVITATION, "linkedin.com"));

    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity());
    assertTrue(i.acceptUrl().isPresent());
  }

  @Test
  void aBrokenSignatureMakesItSpoofedAndHidesItsLinks() throws Exception {
    Invitation i = read(signed(INVITATION, "linkedin.com").replace("Malmo meetup", "Malmo crypto meetup"));

    assertEquals(Authenticity.SPOOFED, i.origin().authenticity());
    assertEquals(Optional.empty(), i.acceptUrl());
  }

  @Test
  void aSignatureOfAnotherDomainOnLinkedInMailIsSpoofed() throws Exception {
    assertEquals(Authenticity.SPOOFED, read(signed(INVITATION, "bulk-mailer.example")).origin().authenticity());
  }

  @Test
  void aColleaguesOwnSignatureOnAPastedInvitationSaysNothing() throws Exception {
    String pasted =
        INVITATION.replace(
            "From: \"Nadia Brook via LinkedIn\" <invitations@linkedin.com>", "From: Oskar Lund <oskar@gmail.example>");

    Invitation i = read(signed(pasted, "gmail.example"));

    assertEquals(Authenticity.UNVERIFIED, i.origin().authenticity());
  }

  @Test
  void aValidLinkedInSignatureIsVerified() throws Exception {
    Invitation i = read(signed(INVITATION, "linkedin.com"));

    assertTrue(i.origin().verified());
  }

  @Test
  void aKeyThatCannotBeFoundIsNoEvidenceOfForgery() throws Exception {
    MailReader noDns = new MailReader(Limits.DEFAULTS,
        new DkimVerifier((selector, domain) -> Optional.empty(), Clock.systemUTC()));

    Invitation i = (Invitation) noDns.read(new RawMail("dkim.eml",
        signed(INVITATION, "linkedin.com").getBytes(StandardCharsets.UTF_8))).get(0);

    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity(), "judged by its sender and links, as unsigned mail is");
    assertEquals(false, i.origin().verified());
  }

  @Test
  void aDnsFailureIsNoEvidenceOfForgery() throws Exception {
    MailReader failing = new MailReader(Limits.DEFAULTS, new DkimVerifier((selector, domain) -> {
      throw new java.io.IOException("no DNS here");
    }, Clock.systemUTC()));

    Invitation i = (Invitation) failing.read(new RawMail("dkim.eml",
        signed(INVITATION, "linkedin.com").getBytes(StandardCharsets.UTF_8))).get(0);

    assertEquals(Authenticity.LINKEDIN, i.origin().authenticity());
    assertEquals(false, i.origin().verified());
  }

  @Test
  void textBeyondTheSignedLengthIsNotReadIntoTheNote() throws Exception {
    String body = INVITATION.substring(INVITATION.indexOf("\r\n\r\n") + 4);
    String signedBody = body.substring(0, body.indexOf("We met"));
    DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=simple/simple; d=linkedin.com; s=s1; h=from:to:subject;"
        + " l=" + signedBody.length() + "; bh=; b=;", key.getPrivate());
    String header = signer.sign(new ByteArrayInputStream(INVITATION.getBytes(StandardCharsets.UTF_8)));
    String tampered = (header + "\r\n" + INVITATION).replace("We met at the Malmo meetup.",
        "Your account is locked, confirm at https://www.linkedin.com/in/phish");

    Invitation i = read(tampered);

    assertTrue(i.origin().verified(), "the signed part verifies");
    assertEquals(Optional.empty(), i.note(), "nothing after the signed length is the member's note");
  }
}
