package io.doorman.ingest.linkedin;

import java.util.Locale;

/**
 * The template family a LinkedIn email belongs to, as its marks say: the template's name ({@code
 * X-LinkedIn-Template}, or the name its links' tracking carries), its class ({@code
 * X-LinkedIn-Class}) or the address it came from.
 */
enum Family {
  INVITATION,
  DIGEST,
  MESSAGE,
  ACCEPTED,
  /** LinkedIn's mail that is no notification Doorman acts on: news, jobs, people you may know. */
  NOT_A_NOTIFICATION,
  UNKNOWN;

  /** The family a template's name belongs to ({@code email_m2m_invite_single_01}, …). */
  static Family ofTemplate(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.isBlank()) {
      return UNKNOWN;
    }
    if (n.contains("acpt") || n.contains("accepted") || n.contains("accept_invite")) {
      return ACCEPTED;
    }
    if (n.contains("inmail") || n.contains("messag") || n.contains("msg") || n.contains("mbr-to-mbr")
        || n.contains("m2m_message")) {
      return MESSAGE;
    }
    boolean invitation =
        n.contains("invit") || n.contains("invm") || n.contains("guest") || n.contains("m2m");
    if (invitation && n.contains("digest")) {
      return DIGEST;
    }
    if (invitation && !n.contains("suggest")) {
      return INVITATION;
    }
    for (String other : NOT_NOTIFICATIONS) {
      if (n.contains(other)) {
        return NOT_A_NOTIFICATION;
      }
    }
    return UNKNOWN;
  }

  /** The family an {@code X-LinkedIn-Class} value names ({@code INVITE-GUEST}, {@code INMAIL}, …). */
  static Family ofClass(String value) {
    String c = value.strip().toUpperCase(Locale.ROOT);
    if (c.isEmpty() || c.equals("EMAIL-DEFAULT")) {
      return UNKNOWN;
    }
    if (c.contains("DIGEST") && c.contains("INVITE")) {
      return DIGEST;
    }
    if (c.startsWith("INVITE") || c.startsWith("INVITATION")) {
      return INVITATION;
    }
    if (c.equals("ACCEPTED") || c.contains("ACCEPT")) {
      return ACCEPTED;
    }
    if (c.contains("INMAIL") || c.startsWith("MSG") || c.contains("MESSAG") || c.equals("MBR-TO-MBR")) {
      return MESSAGE;
    }
    for (String other : NOT_NOTIFICATION_CLASSES) {
      if (c.contains(other)) {
        return NOT_A_NOTIFICATION;
      }
    }
    return UNKNOWN;
  }

  private static final String[] NOT_NOTIFICATION_CLASSES = {
    "PYMK", "JOB", "SEARCH", "NETWORK", "NEWS", "EDITOR", "GROUP", "ANALYTIC", "MARKET", "PREMIUM",
    "LEARN", "SECURITY", "EVENT", "NOTIF", "DIGEST", "UPDATE", "PULSE", "PROFILE"
  };

  /** The family a sender address's local part stands for, where it stands for one. */
  static Family ofSender(String localPart) {
    String l = localPart.toLowerCase(Locale.ROOT);
    // messages-noreply@ sends "people you may know" too, so it names no family
    if (l.contains("inmail") || l.equals("hit-reply") || l.startsWith("messaging")) {
      return MESSAGE;
    }
    if (l.startsWith("jobalerts") || l.startsWith("jobs") || l.startsWith("editors")
        || l.startsWith("news") || l.startsWith("groups") || l.startsWith("learning")
        || l.startsWith("security") || l.startsWith("updates") || l.startsWith("premium")
        || l.startsWith("marketing") || l.startsWith("events")) {
      return NOT_A_NOTIFICATION;
    }
    return UNKNOWN; // invitations@ sends invitations and accepted notices alike
  }

  /** Words in the names of LinkedIn's templates for mail that is no notification. */
  private static final String[] NOT_NOTIFICATIONS = {
    "job", "pymk", "connection_suggestion", "what_you_missed", "wym", "editorial", "news", "pulse",
    "analytics", "search_appearance", "profile_view", "wvmx", "group", "birthday", "anniversary",
    "endorse", "security", "password", "premium", "learning", "event", "newsletter", "digest",
    "notification", "network_update", "recap", "insight", "career", "hiring", "course",
    "follow", "post", "comment", "mention", "reaction", "share", "recommend", "skill", "login",
    "verification", "welcome", "onboarding", "survey", "promo", "ads"
  };
}
