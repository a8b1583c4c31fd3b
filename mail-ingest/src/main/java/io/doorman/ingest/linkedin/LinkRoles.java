package io.doorman.ingest.linkedin;

import java.util.Optional;

/**
 * What a link is for, read from the link itself before its label: LinkedIn's tracking parameters
 * name the link's role in any language ({@code …-accept~cta}, {@code profile_text}), its path says
 * what it does ({@code /comm/mynetwork/invite-accept}, {@code /comm/in/…}, {@code
 * /messaging/thread/…}), and only a link that says neither is judged by its label ("Accept:").
 */
final class LinkRoles {

  private LinkRoles() {}

  static LinkRole of(String url, String label) {
    Url u = Url.of(url);
    return of(u, () -> Tracking.of(u), label);
  }

  /** The role, asking for the tracking only when the path does not already say it's the footer's. */
  static LinkRole of(Url u, java.util.function.Supplier<Tracking> tracking, String label) {
    if (isFooterPath(u)) {
      return LinkRole.FOOTER;
    }
    Tracking t = tracking.get();
    return footer(t)
        .or(() -> byTracking(u, t))
        .or(() -> byPath(u))
        .or(() -> TemplateText.role(label))
        .orElse(LinkRole.OTHER);
  }

  /** Unsubscribe, settings, help and legal pages, and the old redirector's footer links. */
  private static boolean isFooterPath(Url u) {
    String p = u.path();
    if (p.contains("unsubscribe") || p.contains("/psettings/") || p.startsWith("/help/")
        || p.contains("/legal/") || p.contains("/settings")) {
      return true;
    }
    return p.startsWith("/e/v2")
        && (u.param("m").map(m -> m.equals("unsub") || m.equals("footer")).orElse(false)
            || u.param("t").map("lun"::equals).orElse(false)
            || u.param("a").map(a -> a.equalsIgnoreCase("customerServiceUrl")).orElse(false));
  }

  private static Optional<LinkRole> footer(Tracking t) {
    boolean footerTracking =
        t.section().equals("footer") || t.section().equals("f") || t.role().contains("unsub")
            || t.role().startsWith("help") || t.role().startsWith("learn");
    return footerTracking ? Optional.of(LinkRole.FOOTER) : Optional.empty();
  }

  /** The role words of the tracking parameters, where they say one. */
  private static Optional<LinkRole> byTracking(Url u, Tracking t) {
    String role = t.role();
    if (role.isEmpty()) {
      return Optional.empty();
    }
    if (t.section().equals("header")) {
      return Optional.of(LinkRole.OTHER); // the recipient's own profile, the home page
    }
    if (role.contains("ignore") || role.contains("decline")) {
      return Optional.of(LinkRole.OTHER);
    }
    if (role.contains("prof") || role.startsWith("pro_")) {
      return Optional.of(LinkRole.PROFILE);
    }
    if (role.contains("accept") || role.contains("prereginvite")) {
      return Optional.of(LinkRole.ACCEPT);
    }
    if (role.contains("reply") || role.contains("view_message") || role.contains("thread")) {
      return Optional.of(LinkRole.THREAD);
    }
    if (role.contains("compose") || role.startsWith("message") || role.startsWith("msg")) {
      return Optional.of(isThreadPath(u.path()) ? LinkRole.THREAD : LinkRole.COMPOSE);
    }
    return Optional.empty();
  }

  private static Optional<LinkRole> byPath(Url u) {
    String p = u.path();
    if (p.contains("invite-accept") || p.contains("accept-invitation") || p.contains("acceptinvite")) {
      return Optional.of(LinkRole.ACCEPT);
    }
    if (isThreadPath(p)) {
      return Optional.of(LinkRole.THREAD);
    }
    if (p.contains("/messaging/compose") || u.param("a").map(a -> a.contains("message-compose")).orElse(false)) {
      return Optional.of(LinkRole.COMPOSE);
    }
    if (isProfilePath(p)) {
      return Optional.of(LinkRole.PROFILE);
    }
    return Optional.empty();
  }

  private static boolean isThreadPath(String p) {
    return p.contains("/messaging/thread") || p.contains("/messaging/conversation")
        || p.contains("/inbox/") || p.contains("/mailbox/");
  }

  static boolean isProfilePath(String p) {
    return p.startsWith("/in/") || p.startsWith("/comm/in/") || p.contains("/profile/view")
        || p.startsWith("/pub/") || p.startsWith("/comm/pub/");
  }
}
