package io.doorman.email;

import io.doorman.email.smtp.Letter;
import io.doorman.store.StoredInvitation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The daily digest, as text and HTML: new invitations by category, questions awaiting answers,
 * follow-ups due. Each section names how many there are and lists at most a page of them. Every
 * value from an email is escaped in the HTML.
 */
record Digest(LocalDate day, Section fresh, Section asked, Section followUps) {

  /** How many there are, and the ones listed (the oldest, at most a page). */
  record Section(long total, List<StoredInvitation> listed) {
    Section {
      listed = List.copyOf(listed);
    }

    boolean isEmpty() {
      return total == 0;
    }

    long unlisted() {
      return total - listed.size();
    }
  }

  boolean isEmpty() {
    return fresh.isEmpty() && asked.isEmpty() && followUps.isEmpty();
  }

  Letter letterTo(String to) {
    return new Letter(to, "Doorman digest " + day + ": " + fresh.total() + " new, " + asked.total()
        + " awaiting answers, " + followUps.total() + " follow-ups due", Optional.empty(), text(), Optional.of(html()));
  }

  private Map<String, List<StoredInvitation>> byCategory() {
    Map<String, List<StoredInvitation>> out = new TreeMap<>();
    for (StoredInvitation i : fresh.listed()) {
      out.computeIfAbsent(i.category(), k -> new ArrayList<>()).add(i);
    }
    return out;
  }

  String text() {
    StringBuilder b = new StringBuilder("Doorman digest for ").append(day).append("\n\n");
    b.append("New invitations (").append(fresh.total()).append(")\n");
    byCategory().forEach((category, list) -> {
      b.append("  ").append(category).append(" (").append(list.size()).append(")\n");
      list.forEach(i -> b.append("    #").append(i.id()).append(' ').append(Letters.describe(i))
          .append(" - suggests ").append(i.suggestedAction()).append(", ").append(Letters.state(i)).append('\n'));
    });
    more(b, fresh, "  ");
    section(b, "Questions awaiting answers", asked);
    section(b, "Follow-ups due", followUps);
    return b.toString();
  }

  private static void section(StringBuilder b, String title, Section s) {
    b.append('\n').append(title).append(" (").append(s.total()).append(")\n");
    s.listed().forEach(i -> b.append("  #").append(i.id()).append(' ').append(Letters.describe(i)).append('\n'));
    more(b, s, "  ");
  }

  private static void more(StringBuilder b, Section s, String indent) {
    if (s.unlisted() > 0) {
      b.append(indent).append("… and ").append(s.unlisted()).append(" more (doorman list)\n");
    }
  }

  String html() {
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
    b.append("<h2>Doorman digest for ").append(day).append("</h2>");
    b.append("<h3>New invitations (").append(fresh.total()).append(")</h3>");
    byCategory().forEach((category, list) -> {
      b.append("<h4>").append(escape(category)).append(" (").append(list.size()).append(")</h4><ul>");
      list.forEach(i -> b.append("<li>#").append(i.id()).append(' ').append(escape(Letters.describe(i)))
          .append(" &ndash; suggests <b>").append(escape(i.suggestedAction())).append("</b>, ")
          .append(escape(Letters.state(i))).append("</li>"));
      b.append("</ul>");
    });
    htmlMore(b, fresh);
    htmlSection(b, "Questions awaiting answers", asked);
    htmlSection(b, "Follow-ups due", followUps);
    return b.append("</body></html>").toString();
  }

  private static void htmlSection(StringBuilder b, String title, Section s) {
    b.append("<h3>").append(title).append(" (").append(s.total()).append(")</h3><ul>");
    s.listed().forEach(i -> b.append("<li>#").append(i.id()).append(' ').append(escape(Letters.describe(i))).append("</li>"));
    b.append("</ul>");
    htmlMore(b, s);
  }

  private static void htmlMore(StringBuilder b, Section s) {
    if (s.unlisted() > 0) {
      b.append("<p>&hellip; and ").append(s.unlisted()).append(" more (<code>doorman list</code>)</p>");
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
