package io.doorman.ingest.linkedin;

import java.util.Locale;
import java.util.Optional;

/**
 * What LinkedIn's tracking parameters say about a link: the template that wrote it and the link's
 * place and role in it. {@code trk=eml-email_m2m_invite_single_01-hero-0-accept~cta} names the
 * template {@code email_m2m_invite_single_01}, the section {@code hero} and the role {@code
 * accept~cta}; the older {@code /e/v2} links say the same with {@code ek=} (template), {@code m=}
 * (section) and {@code ts=} (role).
 *
 * @param template the template's name, lower case, "" when no parameter names one
 * @param section where the link stands: hero, header, footer, card, … ("" when not said)
 * @param role the link's role words, lower case ("" when not said)
 */
record Tracking(String template, String section, String role) {

  static final Tracking NONE = new Tracking("", "", "");

  static Tracking of(Url url) {
    // trkEmail names the template best, trk (or tracking) the role: older mail puts a short
    // tracking code in trk ("comm_invm") and the template in trkEmail.
    Tracking email = url.param("trkEmail").map(Tracking::parseTrk).orElse(NONE);
    Tracking trk =
        url.param("trk").or(() -> url.param("tracking")).map(Tracking::parseTrk).orElse(NONE);
    String template =
        first(
            email.template,
            url.param("ek").orElse(""),
            trk.template,
            url.param("lipi").map(Tracking::templateInLipi).orElse(""));
    String section = first(trk.section, email.section, url.param("m").orElse(""));
    String role =
        first(trk.role, email.role, url.param("ts").orElse(""), url.param("a").orElse(""));
    if (template.isEmpty() && section.isEmpty() && role.isEmpty()) {
      return NONE;
    }
    return new Tracking(
        template.toLowerCase(Locale.ROOT),
        section.toLowerCase(Locale.ROOT),
        role.toLowerCase(Locale.ROOT));
  }

  /** Whether any of LinkedIn's email tracking parameters are on the link. */
  boolean isPresent() {
    return this != NONE;
  }

  /**
   * {@code eml-<template>-<section>-<n>-<role>…}: template names use underscores, the parts are
   * separated by hyphens. Older links read {@code eml-comm_invm-b-accept-newinvite}.
   */
  static Tracking parseTrk(String trk) {
    String t = trk.strip();
    if (t.startsWith("eml-")) {
      t = t.substring(4);
    }
    String[] parts = t.split("-");
    if (parts.length == 0 || parts[0].isEmpty()) {
      return NONE;
    }
    String template = parts[0];
    String section = parts.length > 1 && isSection(parts[1]) ? parts[1] : "";
    StringBuilder role = new StringBuilder();
    for (int i = section.isEmpty() ? 1 : 2; i < parts.length; i++) {
      String part = parts[i];
      if (isRecipientId(part)) {
        break;
      }
      if (part.equals("null") || isNumber(part)) {
        if (role.length() > 0) {
          break; // what follows the role is the recipient's tracking id
        }
        continue;
      }
      if (role.length() > 0) {
        role.append('-');
      }
      role.append(part);
    }
    return new Tracking(template, section, role.toString());
  }

  private static boolean isSection(String part) {
    String p = part.toLowerCase(Locale.ROOT);
    return p.equals("hero") || p.equals("header") || p.equals("footer") || p.equals("null")
        || p.startsWith("card") || p.equals("b") || p.equals("f") || p.equals("body")
        || p.equals("job_card") || p.equals("prof_card") || p.equals("cta");
  }

  /** The recipient's tracking id ("7n8otd~ih7arj7e~2b") ends the role words. */
  private static boolean isRecipientId(String part) {
    int first = part.indexOf('~');
    return first >= 0 && part.indexOf('~', first + 1) > first;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code urn:li:page:email_<template>;…}: the page names the template on newer links. */
  private static String templateInLipi(String lipi) {
    String marker = "urn:li:page:email_";
    int at = lipi.indexOf(marker);
    if (at < 0) {
      return "";
    }
    int from = at + marker.length();
    int end = from;
    while (end < lipi.length() && (Character.isLetterOrDigit(lipi.charAt(end)) || lipi.charAt(end) == '_')) {
      end++;
    }
    String template = lipi.substring(from, end);
    return template.indexOf('_') > 0 ? template : ""; // a page id rather than a template name
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }
}
