package io.doorman.ingest.authenticity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The receiving servers whose {@code Authentication-Results} count ({@code mail.trusted-authserv-id},
 * e.g. {@code mx.google.com}). The same header from anyone else is ignored: anyone can write one.
 */
public final class TrustedServers {

  public static final TrustedServers NONE = new TrustedServers(Set.of());

  private final Set<String> ids;

  public TrustedServers(Set<String> ids) {
    this.ids = ids.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean any() {
    return !ids.isEmpty();
  }

  /** The headers among these that a trusted server wrote. */
  public List<AuthenticationResults> trusted(List<String> headerValues) {
    return AuthenticationResults.all(headerValues).stream().filter(a -> ids.contains(a.authservId())).toList();
  }

  /**
   * What trusted servers say of mail from a domain: verified when DMARC passed, or DKIM passed for
   * a signing domain that is the domain's; failed when DKIM (for that domain) or DMARC failed;
   * empty when no trusted server says.
   *
   * @param ownDomain whether a signing or From domain is the one the mail claims
   */
  public Optional<Verification> verdict(List<String> headerValues, Predicate<String> ownDomain) {
    Optional<Verification> verdict = Optional.empty();
    for (AuthenticationResults ar : trusted(headerValues)) {
      for (AuthenticationResults.Result dmarc : ar.of("dmarc")) {
        boolean ours = dmarc.property("header.from").map(ownDomain::test).orElse(true);
        if (ours && dmarc.failed()) {
          return Optional.of(Verification.failed(ar.authservId() + ": dmarc=fail"));
        }
        if (ours && dmarc.passed()) {
          verdict = Optional.of(Verification.verified(ar.authservId() + ": dmarc=pass"));
        }
      }
      for (AuthenticationResults.Result dkim : ar.of("dkim")) {
        Optional<String> d = dkim.property("header.d").or(() -> dkim.property("header.i").map(TrustedServers::domainOf));
        boolean ours = d.map(ownDomain::test).orElse(false);
        if (ours && dkim.failed()) {
          return Optional.of(Verification.failed(ar.authservId() + ": dkim=fail for " + d.get()));
        }
        if (ours && dkim.passed() && verdict.isEmpty()) {
          verdict = Optional.of(Verification.verified(ar.authservId() + ": dkim=pass for " + d.get()));
        }
      }
    }
    return verdict;
  }

  private static String domainOf(String identity) {
    int at = identity.lastIndexOf('@');
    return at < 0 ? identity : identity.substring(at + 1);
  }
}
