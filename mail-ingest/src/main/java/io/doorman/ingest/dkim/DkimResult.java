package io.doorman.ingest.dkim;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What DKIM verification said of a message (the results of RFC 8601).
 *
 * @param status NONE (no signature), PASS, FAIL (the message was changed), TEMPERROR (the key could
 *     not be looked up now) or PERMERROR (the signature can't be checked: no key, a weak or
 *     malformed signature); only FAIL is evidence of forgery
 * @param domain the signing domain (d=) of the signature the status is about
 * @param reason why it did not pass, for a person
 * @param signedLength for a pass with {@code l=} shorter than the body: how many bytes of the
 *     message as written (header and body) the signature covers; what follows is not signed
 */
public record DkimResult(
    Status status, Optional<String> domain, Optional<String> reason, OptionalInt signedLength) {

  public enum Status {
    NONE,
    PASS,
    FAIL,
    TEMPERROR,
    PERMERROR
  }

  static final DkimResult NONE =
      new DkimResult(Status.NONE, Optional.empty(), Optional.empty(), OptionalInt.empty());

  static DkimResult pass(String domain) {
    return new DkimResult(Status.PASS, Optional.of(domain), Optional.empty(), OptionalInt.empty());
  }

  static DkimResult passFor(String domain, int signedLength) {
    return new DkimResult(Status.PASS, Optional.of(domain), Optional.empty(), OptionalInt.of(signedLength));
  }

  static DkimResult fail(String domain, String reason) {
    return new DkimResult(Status.FAIL, Optional.ofNullable(domain), Optional.of(reason), OptionalInt.empty());
  }

  static DkimResult temperror(String domain, String reason) {
    return new DkimResult(Status.TEMPERROR, Optional.ofNullable(domain), Optional.of(reason), OptionalInt.empty());
  }

  static DkimResult permerror(String domain, String reason) {
    return new DkimResult(Status.PERMERROR, Optional.ofNullable(domain), Optional.of(reason), OptionalInt.empty());
  }
}
