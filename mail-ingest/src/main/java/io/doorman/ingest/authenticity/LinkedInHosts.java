package io.doorman.ingest.authenticity;

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
    String u = url.strip();
    boolean web = u.regionMatches(true, 0, "http://", 0, 7) || u.regionMatches(true, 0, "https://", 0, 8);
    if (!web) {
      return Optional.empty();
    }
    String host = roughHost(u);
    return host.isEmpty() ? Optional.empty() : Optional.of(host);
  }

  /**
   * Whether a domain or display name claims to be LinkedIn, look-alike spellings included: a word
   * of it within two edits of "linkedin" (lnkedin, linkdin, linkedln, llinkedin) or lnkd.
   */
  public static boolean claimsLinkedIn(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("linkedin") || t.contains("linkedln") || t.contains("lnkd")) {
      return true;
    }
    for (String word : t.split("[^a-z0-9]+")) {
      if (word.length() >= 6 && word.length() <= 11 && edits(word, "linkedin") <= 2) {
        return true;
      }
    }
    return false;
  }

  /** Optimal string alignment distance (insertions, deletions, substitutions, transpositions). */
  private static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The authority's host: after "://", before any path, query or fragment, without user or port. */
  private static String roughHost(String url) {
    int start = url.indexOf("://") + 3;
    int end = start;
    while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    int at = authority.lastIndexOf('@');
    String host = at < 0 ? authority : authority.substring(at + 1);
    int colon = host.indexOf(':');
    return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
  }
}
