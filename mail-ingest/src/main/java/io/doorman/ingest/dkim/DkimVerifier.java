package io.doorman.ingest.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the DKIM signatures of a message (RFC 6376): rsa-sha256 and ed25519-sha256; simple and
 * relaxed canonicalization; {@code l=}, {@code x=}; several signatures (it passes when one does).
 * Never throws.
 *
 * <p>Only a body or signature that does not match is a failure, evidence that the message was
 * changed. A signature that cannot be checked is a permanent error and says nothing either way: a
 * key that can't be found, a malformed or expired signature, rsa-sha1 or a key under 1,024 bits
 * (RFC 8301), or a signature that does not cover From (RFC 6376 §5.4). A DNS failure is a
 * temporary error. With {@code l=}, only that much of the body is signed: the result says how much.
 */
public final class DkimVerifier {

  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private final DkimKeyLookup keys;
  private final Clock clock;

  public DkimVerifier(DkimKeyLookup keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public DkimResult verify(byte[] message) {
    Canonical canonical = Canonical.split(message);
    List<Canonical.Field> signatures = new ArrayList<>();
    for (Canonical.Field f : canonical.fields) {
      if (f.name().equalsIgnoreCase("DKIM-Signature")) {
        signatures.add(f);
      }
    }
    if (signatures.isEmpty()) {
      return DkimResult.NONE;
    }
    DkimResult first = null;
    for (Canonical.Field signature : signatures) {
      DkimResult result = verifyOne(canonical, signature);
      if (result.status() == DkimResult.Status.PASS) {
        return result;
      }
      if (first == null || (first.status() != DkimResult.Status.FAIL && result.status() == DkimResult.Status.FAIL)) {
        first = result;
      }
    }
    return first;
  }

  private DkimResult verifyOne(Canonical message, Canonical.Field field) {
    String domain = null;
    try {
      String raw = field.raw();
      TagList tags = TagList.parse(raw.substring(raw.indexOf(':') + 1));
      domain = tags.require("d").toLowerCase(Locale.ROOT);
      if (!"1".equals(tags.require("v"))) {
        return DkimResult.permerror(domain, "unsupported version v=" + tags.require("v"));
      }
      String algorithm = tags.require("a").toLowerCase(Locale.ROOT);
      if (algorithm.equals("rsa-sha1")) {
        return DkimResult.permerror(domain, "rsa-sha1 signatures are not accepted (RFC 8301)");
      }
      if (!coversFrom(tags.require("h"))) {
        return DkimResult.permerror(domain, "the signature does not cover From (RFC 6376 §5.4)");
      }
      String[] canon = tags.get("c").orElse("simple/simple").toLowerCase(Locale.ROOT).split("/");
      boolean relaxedHeader = canon[0].equals("relaxed");
      boolean relaxedBody = canon.length > 1 && canon[1].equals("relaxed");
      Optional<String> expires = tags.get("x");
      if (expires.isPresent() && clock.instant().getEpochSecond() > Long.parseLong(expires.get())) {
        return DkimResult.permerror(domain, "signature expired");
      }
      byte[] body = message.body(relaxedBody);
      int fullLength = body.length;
      Optional<String> length = tags.get("l");
      if (length.isPresent()) {
        int l = (int) Math.min(Long.parseLong(length.get()), body.length);
        body = Arrays.copyOf(body, l);
      }
      String hashName = algorithm.endsWith("sha1") ? "SHA-1" : "SHA-256";
      byte[] bodyHash = MessageDigest.getInstance(hashName).digest(body);
      byte[] expectedBodyHash = Base64.getDecoder().decode(TagList.compact(tags.require("bh")));
      if (!MessageDigest.isEqual(bodyHash, expectedBodyHash)) {
        return DkimResult.fail(domain, "body hash does not match (the body was changed)");
      }
      Optional<String> record = keys.keyRecord(tags.require("s"), domain);
      if (record.isEmpty()) {
        return DkimResult.permerror(domain, "no key for selector '" + tags.require("s") + "'");
      }
      PublicKey key = publicKey(TagList.parse(record.get()), algorithm);
      if (key instanceof java.security.interfaces.RSAPublicKey rsa && rsa.getModulus().bitLength() < 1024) {
        return DkimResult.permerror(domain, "an RSA key of " + rsa.getModulus().bitLength() + " bits is too weak (RFC 8301)");
      }
      byte[] signedData = signedHeaders(message, field, tags, relaxedHeader);
      byte[] signatureBytes = Base64.getDecoder().decode(TagList.compact(tags.require("b")));
      if (!verifies(algorithm, key, signedData, signatureBytes)) {
        return DkimResult.fail(domain, "signature does not verify (a signed header was changed)");
      }
      if (body.length < fullLength) {
        int signed = message.bodyStart + message.rawBodyLength(relaxedBody, body.length);
        return DkimResult.passFor(domain, signed);
      }
      return DkimResult.pass(domain);
    } catch (IOException e) {
      return DkimResult.temperror(domain, e.getMessage());
    } catch (KeyRevoked e) {
      return DkimResult.permerror(domain, "key revoked");
    } catch (IllegalArgumentException | GeneralSecurityException | StringIndexOutOfBoundsException e) {
      return DkimResult.permerror(domain, "malformed signature or key: " + e.getMessage());
    }
  }

  private static boolean coversFrom(String h) {
    for (String name : h.split(":")) {
      if (name.strip().equalsIgnoreCase("from")) {
        return true;
      }
    }
    return false;
  }

  private static byte[] signedHeaders(
      Canonical message, Canonical.Field signature, TagList tags, boolean relaxed) {
    StringBuilder data = new StringBuilder();
    Set<Canonical.Field> used = new HashSet<>();
    for (String name : tags.require("h").split(":")) {
      String wanted = name.strip();
      for (int i = message.fields.size() - 1; i >= 0; i--) {
        Canonical.Field f = message.fields.get(i);
        if (f.name().equalsIgnoreCase(wanted) && !used.contains(f) && f != signature) {
          used.add(f);
          data.append(Canonical.header(f, relaxed)).append("\r\n");
          break;
        }
      }
    }
    String withoutB = signature.raw().replaceAll("(?i)(^|;|:)(\\s*b\\s*=)[^;]*", "$1$2");
    data.append(Canonical.header(new Canonical.Field(signature.name(), withoutB), relaxed));
    return data.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static PublicKey publicKey(TagList record, String algorithm) throws GeneralSecurityException {
    String p = TagList.compact(record.get("p").orElse(""));
    if (p.isEmpty()) {
      throw new KeyRevoked();
    }
    byte[] der = Base64.getDecoder().decode(p);
    String type = record.get("k").orElse("rsa").toLowerCase(Locale.ROOT);
    if (!algorithm.startsWith(type)) {
      throw new GeneralSecurityException("key type " + type + " does not fit algorithm " + algorithm);
    }
    if (type.equals("ed25519")) {
      byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + der.length);
      System.arraycopy(der, 0, spki, ED25519_SPKI_PREFIX.length, der.length);
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }

  private static boolean verifies(String algorithm, PublicKey key, byte[] data, byte[] signature)
      throws GeneralSecurityException {
    switch (algorithm) {
      case "rsa-sha256" -> {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
      }
      case "ed25519-sha256" -> {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(MessageDigest.getInstance("SHA-256").digest(data));
        return s.verify(signature);
      }
      default -> throw new GeneralSecurityException("unsupported algorithm " + algorithm);
    }
  }

  private static final class KeyRevoked extends GeneralSecurityException {}
}
