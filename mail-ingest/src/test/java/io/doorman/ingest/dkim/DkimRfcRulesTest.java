package io.doorman.ingest.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.dkim.DkimResult.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.apache.james.jdkim.DKIMSigner;
import org.junit.jupiter.api.Test;

/**
 * The rules of RFC 8301 and RFC 6376 that decide whether a signature that verifies counts:
 * signed by Apache jDKIM (an independent signer), verified by Doorman.
 */
class DkimRfcRulesTest {

  private static final String MESSAGE =
      "From: \"Nadia Brook via LinkedIn\" <invitations@linkedin.com>\r\n"
          + "To: Oskar Lund <oskar@example.com>\r\n"
          + "Subject: I want to connect\r\n"
          + "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\n"
          + "\r\n"
          + "Hi Oskar,\r\n"
          + "\r\n"
          + "We met at the meetup.\r\n";

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

  private static KeyPair key(int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  private static DkimVerifier verifierFor(KeyPair key) {
    String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    return new DkimVerifier((selector, domain) -> Optional.of(record), NOW);
  }

  private static byte[] signed(KeyPair key, String tags, String message) throws Exception {
    DKIMSigner signer = new DKIMSigner("v=1; d=linkedin.com; s=s2026; c=relaxed/relaxed; " + tags + " bh=; b=;", key.getPrivate());
    String header = signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    return (header + "\r\n" + message).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anRsaSha1SignatureDoesNotPass() throws Exception {
    KeyPair key = key(2048);

    DkimResult result = verifierFor(key).verify(signed(key, "a=rsa-sha1; h=from:to:subject;", MESSAGE));

    assertEquals(Status.PERMERROR, result.status());
    assertTrue(result.reason().orElseThrow().contains("RFC 8301"), result.reason().toString());
  }

  @Test
  void aKeyUnder1024BitsDoesNotPass() throws Exception {
    KeyPair weak = key(768);

    DkimResult result = verifierFor(weak).verify(signed(weak, "a=rsa-sha256; h=from:to:subject;", MESSAGE));

    assertEquals(Status.PERMERROR, result.status());
    assertTrue(result.reason().orElseThrow().contains("768 bits"), result.reason().toString());
  }

  @Test
  void aSignatureThatDoesNotCoverFromDoesNotPass() throws Exception {
    KeyPair key = key(2048);

    // jDKIM refuses to sign without From, so its h= is narrowed after signing; the rule is
    // checked before any cryptography.
    String withFrom = new String(signed(key, "a=rsa-sha256; h=from:to:subject;", MESSAGE), StandardCharsets.UTF_8);
    byte[] withoutFrom = withFrom.replace("h=from:to:subject", "h=to:subject").getBytes(StandardCharsets.UTF_8);

    DkimResult result = verifierFor(key).verify(withoutFrom);

    assertEquals(Status.PERMERROR, result.status());
    assertTrue(result.reason().orElseThrow().contains("From"), result.reason().toString());
  }

  @Test
  void withALengthTheResultSaysHowMuchIsSigned() throws Exception {
    KeyPair key = key(2048);
    byte[] signedPart = signed(key, "a=rsa-sha256; h=from:to:subject; l=13;", MESSAGE);
    byte[] appended = concat(signedPart, "Click here: https://evil.example/\r\n");

    DkimResult result = verifierFor(key).verify(appended);

    assertEquals(Status.PASS, result.status(), String.valueOf(result.reason()));
    String covered = new String(appended, 0, result.signedLength().getAsInt(), StandardCharsets.UTF_8);
    assertTrue(covered.endsWith("\r\n\r\nHi Oskar,\r\n\r\n"), covered);
  }

  @Test
  void aKeyThatCannotBeFoundIsNoEvidenceOfForgery() throws Exception {
    KeyPair key = key(2048);
    DkimVerifier noKeys = new DkimVerifier((selector, domain) -> Optional.empty(), NOW);

    DkimResult result = noKeys.verify(signed(key, "a=rsa-sha256; h=from:to:subject;", MESSAGE));

    assertEquals(Status.PERMERROR, result.status());
  }

  private static byte[] concat(byte[] a, String b) {
    byte[] tail = b.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + tail.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(tail, 0, out, a.length, tail.length);
    return out;
  }
}
