package io.doorman.policies;

/** Whether a notification really came from LinkedIn, as far as the email lets us tell. */
public enum Authenticity {
  /** From a linkedin.com address, every link to LinkedIn's hosts, and any DKIM signature valid. */
  LINKEDIN("linkedin"),
  /** No evidence either way, e.g. an inline forward that lost the original headers. */
  UNVERIFIED("unverified"),
  /** Claims to be LinkedIn, but the sender domain, a link or a DKIM signature says otherwise. */
  SPOOFED("spoofed");

  private final String wireName;

  Authenticity(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
