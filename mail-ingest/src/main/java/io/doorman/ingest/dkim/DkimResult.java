package io.doorman.ingest.dkim;

import java.util.Optional;

/**
 * What DKIM verification said of a message.
 *
 * @param status NONE (no signature), PASS, FAIL or TEMPERROR (the key could not be looked up)
 * @param domain the signing domain (d=) of the signature the status is about
 * @param reason why it failed, for a person
 */
public record DkimResult(Status status, Optional<String> domain, Optional<String> reason) {

  public enum Status {
    NONE,
    PASS,
    FAIL,
    TEMPERROR
  }

  static final DkimResult NONE = new DkimResult(Status.NONE, Optional.empty(), Optional.empty());

  static DkimResult pass(String domain) {
    return new DkimResult(Status.PASS, Optional.of(domain), Optional.empty());
  }

  static DkimResult fail(String domain, String reason) {
    return new DkimResult(Status.FAIL, Optional.ofNullable(domain), Optional.of(reason));
  }

  static DkimResult temperror(String domain, String reason) {
    return new DkimResult(Status.TEMPERROR, Optional.ofNullable(domain), Optional.of(reason));
  }
}
