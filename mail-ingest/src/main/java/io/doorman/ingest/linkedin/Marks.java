package io.doorman.ingest.linkedin;

import io.doorman.ingest.authenticity.LinkedInHosts;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What LinkedIn's marks say of an original, before any of its text is read: the template (from
 * {@code X-LinkedIn-Template}, the {@code Feedback-ID} and {@code List-Unsubscribe} headers, or the
 * tracking of its links), its class ({@code X-LinkedIn-Class}), its sender's address, and its links
 * by role.
 *
 * @param family the template family the marks name, {@link Family#UNKNOWN} when none does
 * @param template the template's name as marked, "" when nothing names one
 * @param accepts the distinct invitations its accept links accept
 * @param threads whether it links to a message thread
 * @param linkedIn whether anything marks it as LinkedIn's: its sender, a LinkedIn header, or a
 *     link to a LinkedIn(-looking) host that LinkedIn's mail wrote
 */
record Marks(Family family, String template, int accepts, boolean threads, boolean linkedIn) {

  static Marks of(Original o) {
    String template = template(o);
    Family family = Family.ofTemplate(template);
    if (family == Family.UNKNOWN) {
      family = o.header("X-LinkedIn-Class").map(Family::ofClass).orElse(Family.UNKNOWN);
    }
    if (family == Family.UNKNOWN && sentByLinkedIn(o)) {
      family = o.fromAddress().map(a -> Family.ofSender(localPart(a))).orElse(Family.UNKNOWN);
    }
    Set<String> accepted = new LinkedHashSet<>();
    boolean threads = false;
    boolean linkedInLink = false;
    for (Link link : o.links()) {
      if (link.role() == LinkRole.ACCEPT) {
        accepted.add(LinkCleaner.invitationId(link.url()).orElse(LinkCleaner.clean(link.url())));
      }
      threads |= link.role() == LinkRole.THREAD;
      linkedInLink |=
          LinkedInHosts.host(link.url()).map(LinkedInHosts::claimsLinkedIn).orElse(false)
                  && (link.role() != LinkRole.OTHER || link.tracking().isPresent())
              || link.role().isContent() && link.tracking().isPresent(); // LinkedIn's template on any host
    }
    boolean linkedIn =
        claimsLinkedIn(o) || o.header("X-LinkedIn-Template").isPresent()
            || o.header("X-LinkedIn-Class").isPresent() || linkedInLink;
    return new Marks(family, template, accepted.size(), threads, linkedIn);
  }

  /** Whether the template's name marks it as a reminder of an earlier invitation. */
  boolean reminder() {
    return template.contains("reminder");
  }

  /** Whether the original's sender (address or display name) claims to be LinkedIn. */
  static boolean claimsLinkedIn(Original o) {
    return o.fromAddress().map(LinkedInHosts::claimsLinkedIn).orElse(false)
        || o.fromName().map(LinkedInHosts::claimsLinkedIn).orElse(false);
  }

  /** Whether the original's sender address is at one of LinkedIn's domains. */
  static boolean sentByLinkedIn(Original o) {
    return o.fromAddress()
        .map(a -> a.substring(a.lastIndexOf('@') + 1))
        .map(LinkedInHosts::isLinkedIn)
        .orElse(false);
  }

  /** The template as marked: a header names it, or else the tracking of the body's links. */
  private static String template(Original o) {
    Optional<String> header =
        o.header("X-LinkedIn-Template")
            .or(() -> o.header("Feedback-ID").flatMap(Marks::templateInFeedbackId))
            .or(() -> o.header("List-Unsubscribe").flatMap(Marks::templateInUnsubscribe));
    if (header.isPresent()) {
      return header.get().toLowerCase(Locale.ROOT);
    }
    String fallback = "";
    for (Link link : o.links()) {
      String t = link.tracking().template();
      if (t.isEmpty()) {
        continue;
      }
      if (link.role().isContent()) {
        return t; // the content's links name the template itself
      }
      if (fallback.isEmpty()) {
        fallback = t;
      }
    }
    return fallback;
  }

  /** {@code Feedback-ID: invite-guest:email_m2m_invite_single_01:linkedin}. */
  private static Optional<String> templateInFeedbackId(String value) {
    String[] parts = value.split(":");
    return parts.length >= 2 && parts[1].contains("_") ? Optional.of(parts[1].strip()) : Optional.empty();
  }

  /** {@code List-Unsubscribe: <https://www.linkedin.com/…?ek=email_m2m_invite_single_01&…>}. */
  private static Optional<String> templateInUnsubscribe(String value) {
    int open = value.indexOf('<');
    int close = value.indexOf('>', open + 1);
    if (open < 0 || close < 0) {
      return Optional.empty();
    }
    return Url.of(value.substring(open + 1, close)).param("ek").filter(ek -> ek.contains("_"));
  }

  private static String localPart(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at);
  }
}
