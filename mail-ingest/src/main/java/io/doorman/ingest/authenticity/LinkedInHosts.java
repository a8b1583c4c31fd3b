package io.doorman.ingest.authenticity;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LinkedIn's own hosts: linkedin.com, licdn.com (its image and static CDN) and lnkd.in, with their
 * subdomains. Look-alikes such as linkedln.com, linkedin-mail.com or linkedin.com.evil.example are
 * not.
 */
public final class LinkedInHosts {

  private static final List<String> DOMAINS = List.of("linkedin.com", "licdn.com", "lnkd.in");

  private LinkedInHosts() {}

  /** Whether this host name is LinkedIn's or a subdomain of it. */
  public static boolean isLinkedIn(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String domain : DOMAINS) {
      if (h.equals(domain) || h.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the URL is http(s) and points at one of LinkedIn's hosts. */
  public static boolean isLinkedInUrl(String url) {
    return host(url).map(LinkedInHosts::isLinkedIn).orElse(false);
  }

  /** The host of an http(s) URL, if it has a readable one. */
  public static Optional<String> host(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return Optional.empty();
      }
      return Optional.ofNullable(uri.getHost());
    } catch (Exception e) {
      return Optional.of(roughHost(url));
    }
  }

  /** Whether a domain or display name claims to be LinkedIn (including look-alike spellings). */
  public static boolean claimsLinkedIn(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("linkedin") || t.contains("linkedln") || t.contains("lnkd");
  }

  private static String roughHost(String url) {
    String rest = url.replaceFirst("(?i)^https?://", "");
    int end = 0;
    while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    String host = rest.substring(0, end);
    int at = host.lastIndexOf('@');
    return at < 0 ? host : host.substring(at + 1);
  }
}
