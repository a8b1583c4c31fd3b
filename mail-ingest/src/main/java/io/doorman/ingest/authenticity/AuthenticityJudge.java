package io.doorman.ingest.authenticity;

import io.doorman.policies.Authenticity;
import java.util.Collection;
import java.util.Optional;

/**
 * Weighs the evidence about where a notification came from.
 *
 * <ul>
 *   <li>{@code spoofed}: the original's sender claims to be LinkedIn from another domain, a link goes
 *       to a host that is not LinkedIn's, or a DKIM signature failed;
 *   <li>{@code linkedin}: the original's sender domain is LinkedIn's and every link goes to
 *       LinkedIn;
 *   <li>{@code unverified}: otherwise, e.g. an inline forward that lost the original's sender.
 * </ul>
 */
public final class AuthenticityJudge {

  private AuthenticityJudge() {}

  /**
   * @param senderAddress the original's From address, when it can be seen
   * @param senderName the original's From display name, when it can be seen
   * @param links every http(s) link of the original
   * @param dkimFailed whether a DKIM signature on the original failed verification
   */
  public static Authenticity judge(
      Optional<String> senderAddress,
      Optional<String> senderName,
      Collection<String> links,
      boolean dkimFailed) {
    if (dkimFailed) {
      return Authenticity.SPOOFED;
    }
    for (String link : links) {
      Optional<String> host = LinkedInHosts.host(link);
      if (host.isPresent() && !LinkedInHosts.isLinkedIn(host.get())) {
        return Authenticity.SPOOFED;
      }
    }
    Optional<String> domain = senderAddress.flatMap(AuthenticityJudge::domainOf);
    if (domain.isPresent() && LinkedInHosts.isLinkedIn(domain.get())) {
      return Authenticity.LINKEDIN;
    }
    boolean claims =
        domain.map(LinkedInHosts::claimsLinkedIn).orElse(false)
            || senderName.map(LinkedInHosts::claimsLinkedIn).orElse(false);
    return claims && domain.isPresent() ? Authenticity.SPOOFED : Authenticity.UNVERIFIED;
  }

  private static Optional<String> domainOf(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0 || at == address.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(address.substring(at + 1).strip());
  }
}
