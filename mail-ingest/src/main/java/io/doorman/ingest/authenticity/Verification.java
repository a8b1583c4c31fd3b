package io.doorman.ingest.authenticity;

import io.doorman.ingest.mime.MimeMail;
import java.util.Optional;

/**
 * What checking LinkedIn's signature on an original found.
 *
 * @param status verified, failed (evidence of forgery), or neither
 * @param reason why, in words
 * @param signedOnly when the signature covers only the start of the body ({@code l=}): the
 *     original cut to what it covers, which is all that may be read of it
 */
public record Verification(Status status, Optional<String> reason, Optional<MimeMail> signedOnly) {

  /** No signature, or nothing to check it with: no evidence either way. */
  public static final Verification NONE = new Verification(Status.NONE, Optional.empty(), Optional.empty());

  public enum Status {
    /** LinkedIn's signature verified, by Doorman or by a receiving server the operator trusts. */
    VERIFIED,
    /** The signature failed, or a trusted server says it did: evidence of forgery. */
    FAILED,
    /** Neither: no signature, a key that can't be found, a DNS failure, a weak algorithm. */
    NONE
  }

  public static Verification verified(String why) {
    return new Verification(Status.VERIFIED, Optional.of(why), Optional.empty());
  }

  public static Verification failed(String why) {
    return new Verification(Status.FAILED, Optional.of(why), Optional.empty());
  }

  public static Verification unverified(String why) {
    return new Verification(Status.NONE, Optional.of(why), Optional.empty());
  }

  /** Verified, for the part of the original that {@code signed} holds. */
  public Verification coveringOnly(MimeMail signed) {
    return new Verification(status, reason, Optional.of(signed));
  }

  public boolean verified() {
    return status == Status.VERIFIED;
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
