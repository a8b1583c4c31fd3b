package io.doorman.ingest.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.dkim.DkimResult.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.apache.james.jdkim.DKIMSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages signed by Apache jDKIM (an independent signer) with a key made here, verified by
 * Doorman's verifier through a key lookup that serves that key.
 */
class DkimVerifierTest {

  private static final String MESSAGE =
      "From: \"Nadia Brook via LinkedIn\" <invitations@linkedin.com>\r\n"
          + "To: Oskar Lund <oskar@example.com>\r\n"
          + "Subject: I want to connect\r\n"
          + "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\n"
          + "Message-ID: <dkim-1@linkedin.com>\r\n"
          + "\r\n"
          + "Hi Oskar,\r\n"
          + "\r\n"
          + "We met  at the meetup.   \r\n"
          + "\r\n"
          + "Nadia Brook\r\n";

  private static KeyPair rsa;
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

  @BeforeAll
  static void makeKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    rsa = generator.generateKeyPair();
  }

  private static String keyRecord() {
    return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded());
  }

  private static DkimVerifier verifier(String record) {
    return new DkimVerifier(
        (selector, domain) ->
            selector.equals("s2026") && domain.equals("linkedin.com") ? Optional.of(record) : Optional.empty(),
        NOW);
  }

  private static String signed(String message, String canonicalization) throws Exception {
    DKIMSigner signer =
        new DKIMSigner(
            "v=1; a=rsa-sha256; c=" + canonicalization + "; d=linkedin.com; s=s2026;"
                + " h=from:to:subject:date:message-id; bh=; b=;",
            rsa.getPrivate());
    String header = signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    return header + "\r\n" + message;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void passesARelaxedSignature() throws Exception {
    DkimResult result = verifier(keyRecord()).verify(bytes(signed(MESSAGE, "relaxed/relaxed")));

    assertEquals(Status.PASS, result.status(), String.valueOf(result.reason()));
    assertEquals(Optional.of("linkedin.com"), result.domain());
  }

  @Test
  void passesASimpleSignature() throws Exception {
    DkimResult result = verifier(keyRecord()).verify(bytes(signed(MESSAGE, "simple/simple")));

    assertEquals(Status.PASS, result.status(), String.valueOf(result.reason()));
  }

  @Test
  void passesWithBareLineFeedsAsInAFile() throws Exception {
    String lf = signed(MESSAGE, "relaxed/relaxed").replace("\r\n", "\n");

    assertEquals(Status.PASS, verifier(keyRecord()).verify(bytes(lf)).status());
  }

  @Test
  void failsWhenTheBodyWasChanged() throws Exception {
    String tampered = signed(MESSAGE, "relaxed/relaxed").replace("We met", "We never met");

    DkimResult result = verifier(keyRecord()).verify(bytes(tampered));

    assertEquals(Status.FAIL, result.status());
    assertTrue(result.reason().orElseThrow().contains("body hash"), result.reason().toString());
  }

  @Test
  void failsWhenASignedHeaderWasChanged() throws Exception {
    String tampered = signed(MESSAGE, "relaxed/relaxed").replace("Subject: I want", "Subject: Urgent: I want");

    DkimResult result = verifier(keyRecord()).verify(bytes(tampered));

    assertEquals(Status.FAIL, result.status());
    assertTrue(result.reason().orElseThrow().contains("signature does not verify"));
  }

  @Test
  void anAddedUnsignedHeaderStillPasses() throws Exception {
    String more = "X-Forwarded-For: somebody\r\n" + signed(MESSAGE, "relaxed/relaxed");

    assertEquals(Status.PASS, verifier(keyRecord()).verify(bytes(more)).status());
  }

  @Test
  void aRevokedKeyIsAPermanentErrorNotAFailure() throws Exception {
    DkimResult result = verifier("v=DKIM1; k=rsa; p=").verify(bytes(signed(MESSAGE, "relaxed/relaxed")));

    assertEquals(Status.PERMERROR, result.status());
    assertEquals(Optional.of("key revoked"), result.reason());
  }

  @Test
  void failsWithAnotherKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String other =
        "v=DKIM1; p=" + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());

    assertEquals(Status.FAIL, verifier(other).verify(bytes(signed(MESSAGE, "relaxed/relaxed"))).status());
  }

  @Test
  void aFailedLookupIsATemporaryError() throws Exception {
    DkimVerifier failing =
        new DkimVerifier(
            (s, d) -> {
              throw new IOException("DNS timed out");
            },
            NOW);

    assertEquals(Status.TEMPERROR, failing.verify(bytes(signed(MESSAGE, "relaxed/relaxed"))).status());
  }

  @Test
  void noSignatureIsNone() {
    assertEquals(Status.NONE, verifier(keyRecord()).verify(bytes(MESSAGE)).status());
  }

  @Test
  void aMalformedSignatureIsAPermanentErrorWithAReasonInsteadOfThrowing() {
    String bad = "DKIM-Signature: v=1; a=rsa-sha256; d=linkedin.com; garbage\r\n" + MESSAGE;

    DkimResult result = verifier(keyRecord()).verify(bytes(bad));

    assertEquals(Status.PERMERROR, result.status());
    assertTrue(result.reason().orElseThrow().startsWith("malformed"), result.reason().toString());
  }

  @Test
  void anExpiredSignatureDoesNotPass() {
    String expired =
        "DKIM-Signature: v=1; a=rsa-sha256; d=linkedin.com; s=s2026; x=1700000000; h=from; bh=AAAA; b=AAAA\r\n"
            + MESSAGE;

    DkimResult result = verifier(keyRecord()).verify(bytes(expired));

    assertEquals(Optional.of("signature expired"), result.reason());
  }
}
