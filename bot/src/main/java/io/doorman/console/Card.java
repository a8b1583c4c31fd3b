package io.doorman.console;

import io.doorman.ingest.authenticity.LinkedInHosts;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.State;
import io.doorman.store.AskedQuestions;
import io.doorman.store.AuditEntry;
import io.doorman.store.StoredInvitation;
import io.doorman.store.StoredMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One invitation as the console shows it: the card's information, its actions and history. */
final class Card {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Card() {}

  static void render(
      StringBuilder out,
      StoredInvitation i,
      String question,
      Optional<AskedQuestions.Asked> asked,
      List<AuditEntry> history,
      List<StoredMessage> answers,
      String csrf,
      Tab tab) {
    out.append("<article class=\"card\" id=\"invitation-").append(i.id()).append("\" data-id=\"").append(i.id())
        .append("\">\n");
    out.append("<h2>").append(esc(i.senderName())).append(" <span class=\"id\">#").append(i.id()).append("</span></h2>\n");
    i.senderHeadline().ifPresent(h -> out.append("<p class=\"headline\">").append(esc(h)).append("</p>\n"));
    out.append("<p class=\"facts\">");
    i.senderLocation().ifPresent(l -> out.append("<span class=\"location\">").append(esc(l)).append("</span> "));
    if (i.mutualConnections().isPresent()) {
      int n = i.mutualConnections().getAsInt();
      out.append("<span class=\"mutual\">").append(n).append(n == 1 ? " mutual connection" : " mutual connections")
          .append("</span> ");
    }
    i.recipient().ifPresent(r -> out.append("<span class=\"recipient\">for ").append(esc(r)).append("</span>"));
    out.append("</p>\n");
    authenticityWarning(i).ifPresent(w -> out.append("<p class=\"warning\">").append(esc(w)).append("</p>\n"));
    out.append("<blockquote class=\"note\">")
        .append(i.note().map(Card::esc).orElse("<em>(no note)</em>"))
        .append("</blockquote>\n");
    out.append("<p class=\"verdict\"><span class=\"category\">").append(esc(i.category()))
        .append("</span> → suggested: <strong class=\"suggested\">").append(esc(i.suggestedAction()))
        .append("</strong></p>\n");
    if (!i.reasons().isEmpty()) {
      out.append("<ul class=\"reasons\">");
      for (String r : i.reasons()) {
        out.append("<li>").append(esc(r)).append("</li>");
      }
      out.append("</ul>\n");
    }
    asked.ifPresent(q -> out.append("<p class=\"asked\">Asked by ").append(esc(q.askedBy())).append(" at ")
        .append(TIME.format(q.askedAt())).append(": <q>").append(esc(q.question())).append("</q></p>\n"));
    for (StoredMessage m : answers) {
      out.append("<p class=\"answer\">Answer (").append(esc(m.replyClass())).append(" → ")
          .append(esc(m.suggestedAction())).append(", ").append(TIME.format(m.receivedAt())).append("): <q>")
          .append(esc(m.body())).append("</q></p>\n");
    }
    Optional<String> accept = linkedIn(i, i.acceptUrl());
    Optional<String> profile = linkedIn(i, i.profileUrl());
    if (profile.isPresent()) {
      out.append("<p><a class=\"profile\" target=\"_blank\" rel=\"noopener noreferrer\" href=\"")
          .append(esc(profile.get())).append("\">View profile on LinkedIn</a></p>\n");
    }
    actions(out, i, accept, question, csrf, tab);
    out.append("<p class=\"state\">").append(esc(i.state().name().toLowerCase(Locale.ROOT).replace('_', '-')))
        .append(" by ").append(esc(i.stateBy())).append(" at ").append(TIME.format(i.stateAt()))
        .append(i.sightings() > 1 ? " · seen " + i.sightings() + " times" : "").append("</p>\n");
    out.append("<details class=\"history\"><summary>History</summary><ol>");
    for (AuditEntry a : history) {
      out.append("<li>").append(TIME.format(a.at())).append(": ")
          .append(a.from().map(Card::stateName).orElse("-")).append(" → ").append(stateName(a.to()))
          .append(" by ").append(esc(a.actor())).append(" via ").append(esc(a.channel()))
          .append(a.detail().map(d -> " (" + esc(d) + ")").orElse("")).append("</li>");
    }
    out.append("</ol></details>\n</article>\n");
  }

  private static void actions(
      StringBuilder out, StoredInvitation i, Optional<String> accept, String question, String csrf, Tab tab) {
    State s = i.state();
    if (s.isFinal()) {
      if (s == State.ACCEPTED && accept.isPresent()) {
        out.append("<p><a class=\"accept-link\" target=\"_blank\" rel=\"noopener noreferrer\" href=\"")
            .append(esc(accept.get())).append("\">Open the accept link on LinkedIn</a></p>\n");
      }
      return;
    }
    out.append("<div class=\"actions\">");
    if (Decision.ACCEPT.allowedFrom(s)) {
      form(out, i, "accept", "Accept", csrf, tab,
          accept.map(u -> " data-accept-url=\"" + esc(u) + "\"").orElse(""), "");
    }
    if (Decision.DECLINE.allowedFrom(s)) {
      form(out, i, "decline", "Decline", csrf, tab, "", "");
    }
    if (Decision.WAIT.allowedFrom(s)) {
      form(out, i, "wait", "Wait", csrf, tab, "", "");
    }
    if (Decision.ASK.allowedFrom(s)) {
      String text = "<textarea name=\"question\" rows=\"3\" cols=\"60\" aria-label=\"question\">" + esc(question)
          + "</textarea>";
      form(out, i, "ask", "Ask", csrf, tab, "", text);
    }
    out.append("</div>\n");
  }

  private static void form(
      StringBuilder out, StoredInvitation i, String action, String label, String csrf, Tab tab, String buttonExtra,
      String fields) {
    out.append("<form method=\"post\" action=\"/decide\" class=\"").append(action).append("\">")
        .append("<input type=\"hidden\" name=\"id\" value=\"").append(i.id()).append("\">")
        .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
        .append("<input type=\"hidden\" name=\"tab\" value=\"").append(tab.slug).append("\">")
        .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(csrf).append("\">")
        .append(fields)
        .append("<button type=\"submit\" name=\"do\" value=\"").append(action).append("\"").append(buttonExtra)
        .append(">").append(label).append("</button></form>");
  }

  /** A link from the email, shown only when it goes to LinkedIn and the email is not spoofed. */
  static Optional<String> linkedIn(StoredInvitation i, Optional<String> url) {
    if ("spoofed".equals(i.authenticity())) {
      return Optional.empty();
    }
    return url.filter(LinkedInHosts::isLinkedInUrl).filter(u -> u.regionMatches(true, 0, "https://", 0, 8)
        || u.regionMatches(true, 0, "http://", 0, 7));
  }

  private static Optional<String> authenticityWarning(StoredInvitation i) {
    return switch (i.authenticity()) {
      case "spoofed" -> Optional.of(
          "Warning: this email only claims to come from LinkedIn. Its links are not shown; don't act on it.");
      case "unverified" -> Optional.of(
          "Could not verify that this came from LinkedIn (e.g. a forward without the original's headers).");
      default -> Optional.empty();
    };
  }

  private static String stateName(State s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String time(Instant at) {
    return TIME.format(at);
  }

  private static String esc(String s) {
    return Html.escape(s);
  }
}
