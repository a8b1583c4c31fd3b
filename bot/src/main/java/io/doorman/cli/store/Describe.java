package io.doorman.cli.store;

import io.doorman.store.AskedQuestions;
import io.doorman.store.AuditEntry;
import io.doorman.store.StoredInvitation;
import io.doorman.store.StoredMessage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How an invitation, its answers and its history read for a person on the command line. */
final class Describe {

  private Describe() {}

  static String row(StoredInvitation i) {
    return String.format(
        Locale.ROOT,
        "%6d  %-10s %-24s %-16s %-8s %s",
        i.id(),
        i.state().name().toLowerCase(Locale.ROOT),
        cut(i.senderName(), 24),
        i.category(),
        i.suggestedAction(),
        cut(i.note().orElse("(no note)").replaceAll("\\s+", " "), 60));
  }

  static String header() {
    return String.format(Locale.ROOT, "%6s  %-10s %-24s %-16s %-8s %s", "ID", "STATE", "SENDER", "CATEGORY", "SUGGEST", "NOTE");
  }

  /**
   * Everything about one invitation: the email's facts, the verdict, who decided what (the state
   * and the history), the question as it was asked, and the answers.
   */
  static void full(PrintWriter out, StoredInvitation i, Optional<AskedQuestions.Asked> asked,
      List<StoredMessage> answers, List<AuditEntry> history) {
    out.printf("#%d %s%s%n", i.id(), i.senderName(), i.senderHeadline().map(h -> " — " + h).orElse(""));
    i.senderLocation().ifPresent(l -> out.println("  location:   " + l));
    i.recipient().ifPresent(r -> out.println("  invited:    " + r));
    if (i.mutualConnections().isPresent()) {
      out.println("  mutual:     " + i.mutualConnections().getAsInt());
    }
    out.println("  note:       " + i.note().orElse("(no note)"));
    out.println("  verdict:    " + i.category() + " -> " + i.suggestedAction() + " (" + i.authenticity() + ")");
    for (String reason : i.reasons()) {
      out.println("              " + reason);
    }
    String decider = history.isEmpty() ? i.stateBy() : shown(history.get(history.size() - 1));
    out.println("  state:      " + i.state().name().toLowerCase(Locale.ROOT) + " (by " + decider + ", " + i.stateAt() + ")");
    out.println("  seen:       " + i.sightings() + "x, first " + i.firstSeen() + ", last " + i.lastSeen());
    i.acceptUrl().ifPresent(u -> out.println("  accept:     " + u));
    i.profileUrl().ifPresent(u -> out.println("  profile:    " + u));
    asked.ifPresent(q -> out.println("  question:   \"" + q.question().replaceAll("\\s+", " ") + "\" (asked by "
        + q.askedBy() + ", " + q.askedAt() + ")"));
    for (StoredMessage m : answers) {
      out.println("  answer:     \"" + m.body().replaceAll("\\s+", " ") + "\" (" + m.replyClass() + " -> " + m.suggestedAction() + ", " + m.receivedAt() + ")");
    }
    out.println("  history:");
    for (AuditEntry a : history) {
      out.printf(
          "    %s  %s -> %s  by %s via %s%s%n",
          a.at(),
          a.from().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("-"),
          a.to().name().toLowerCase(Locale.ROOT),
          shown(a),
          a.channel(),
          a.detail().map(d -> "  (" + d + ")").orElse(""));
    }
  }

  /** Who made a move: their name, and their id when it says more ({@code alice (@U0ALICE)}). */
  private static String shown(AuditEntry a) {
    return a.actorName().equals(a.actor()) ? a.actor() : a.actorName() + " (" + a.actor() + ")";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
