package io.doorman.ingest.linkedin;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes LinkedIn's tracking parameters (trk, trkEmail, midToken, midSig, lipi, …) from a link, so
 * what Doorman shows and stores is the plain link.
 */
final class LinkCleaner {

  private static final Pattern PARAM_SEPARATOR = Pattern.compile("[&#]");

  private static final Set<String> TRACKING =
      Set.of(
          "trk", "trkemail", "trkinfo", "midtoken", "midsig", "lipi", "lgcta", "lgtemp", "lgtime",
          "eid", "loid", "otptoken", "refid", "trackingid", "li_fat_id", "lici");

  private LinkCleaner() {}

  static String clean(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    String base = url.substring(0, q);
    String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    StringBuilder kept = new StringBuilder();
    for (String param : query.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (TRACKING.contains(name) || name.startsWith("utm_")) {
        continue;
      }
      kept.append(kept.length() == 0 ? "" : "&").append(param);
    }
    String fragment = hash < 0 ? "" : url.substring(hash);
    return (kept.length() == 0 ? base : base + "?" + kept) + fragment;
  }

  /**
   * LinkedIn's invitation id in an accept link: a parameter ({@code ?invitationId=…}), a path
   * segment ({@code /invite-accept/invitationId/…/sharedKey/…/} or {@code /invite-accept/…}).
   */
  static java.util.Optional<String> invitationId(String url) {
    Url u = Url.of(url);
    return u.param("invitationId")
        .or(() -> u.segmentAfter("invitationId"))
        .or(() -> u.segmentAfter("invite-accept").filter(LinkCleaner::isDigits))
        .filter(id -> !id.isBlank());
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  /** The value of one query parameter, if present. */
  static java.util.Optional<String> param(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return java.util.Optional.empty();
    }
    for (String param : PARAM_SEPARATOR.split(url.substring(q + 1))) {
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).equalsIgnoreCase(name)) {
        return java.util.Optional.of(param.substring(eq + 1));
      }
    }
    return java.util.Optional.empty();
  }
}
