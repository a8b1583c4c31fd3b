package io.doorman.cli.classify;

import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import java.io.PrintWriter;

/**
 * The classification as a table for people: one row per notification, fixed-width columns, the
 * header above the first row (so an input that can't be read shows its error alone). A
 * notification that could not be read completely says so in place of its note.
 */
final class Table {

  private static final String FORMAT = "%-34s %-10s %-24s %-16s %-8s %-11s %s%n";

  private final PrintWriter out;
  private boolean headed;

  Table(PrintWriter out) {
    this.out = out;
  }

  void row(Classified c) {
    if (!headed) {
      out.printf(FORMAT, "SOURCE", "KIND", "SENDER", "CATEGORY", "ACTION", "AUTHENTIC", "NOTE");
      headed = true;
    }
    Notification n = c.notification();
    String category =
        c.verdict()
            .map(v -> v.category().wireName())
            .or(() -> c.reply().map(r -> "reply:" + r.replyClass().wireName()))
            .orElse("-");
    String action =
        c.verdict()
            .map(v -> v.action().wireName())
            .or(() -> c.reply().map(r -> r.action().wireName()))
            .orElse("-");
    out.printf(
        FORMAT,
        cut(fileName(n.origin().source()), 34),
        n.kind().wireName(),
        cut(senderName(n), 24),
        category,
        action,
        n.origin().authenticity().wireName(),
        cut(oneLine(note(n)), 60));
  }

  private static String fileName(String source) {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? source : source.substring(slash + 1);
  }

  private static String senderName(Notification n) {
    if (n instanceof Invitation i) {
      return i.sender().name();
    } else if (n instanceof Message m) {
      return m.sender().name();
    }
    return "-";
  }

  private static String note(Notification n) {
    if (n.origin().needsALook()) {
      return "needs a look: " + String.join("; ", n.origin().problems());
    }
    if (n instanceof Invitation i) {
      return i.note().orElse("(no note)");
    } else if (n instanceof Message m) {
      return m.text();
    }
    return "";
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
