package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a notification body: text, a blank, or a link in any of LinkedIn's layouts ("Accept:
 * URL", "Accept:" with the URL on the next line, "Accept [URL]", "Accept <URL>", a bare URL).
 */
record Line(String text, Optional<Link> link) {

  private static final String URL = "https?://[^\\s<>\\[\\]\"]+";
  private static final Pattern SAME_LINE =
      Pattern.compile("^(?<label>[^:<\\[(]{0,80}?)\\s*:\\s*<?(?<url>" + URL + ")>?$");
  private static final Pattern BRACKETED =
      Pattern.compile("^(?<label>.{0,80}?)\\s*[<\\[(](?<url>" + URL + ")[>\\])]$");
  private static final Pattern LABEL_ONLY = Pattern.compile("^(?<label>[^:]{1,80}?)\\s*:$");
  private static final Pattern BARE = Pattern.compile("^<?(?<url>" + URL + ")>?$");

  boolean isBlank() {
    return link.isEmpty() && text.isBlank();
  }

  boolean isLink() {
    return link.isPresent();
  }

  /** Reads body lines into text, blank and link lines. */
  static List<Line> parse(List<String> raw) {
    List<Line> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String s = raw.get(i).replace('\u00a0', ' ').strip();
      Optional<Link> same = sameLine(s);
      if (same.isPresent()) {
        out.add(new Line(s, same));
        continue;
      }
      int next = s.endsWith(":") ? nextNonBlank(raw, i + 1) : -1;
      Optional<Link> below = next >= 0 ? linkBelow(s, raw.get(next)) : Optional.empty();
      if (below.isPresent()) {
        out.add(new Line(s, below));
        i = next;
        continue;
      }
      out.add(new Line(s, Optional.empty()));
    }
    return out;
  }

  /** "Accept:" on a line of its own ({@code s}), the URL on the next line that is not blank. */
  private static Optional<Link> linkBelow(String s, String nextLine) {
    Matcher labelOnly = LABEL_ONLY.matcher(s);
    if (!labelOnly.matches() || !Wording.isLinkLabel(labelOnly.group("label"))) {
      return Optional.empty();
    }
    Matcher bare = BARE.matcher(nextLine.strip());
    return bare.matches() ? Optional.of(link(labelOnly.group("label"), bare.group("url"))) : Optional.empty();
  }

  private static Optional<Link> sameLine(String s) {
    if (!s.contains("http")) {
      return Optional.empty();
    }
    for (Pattern pattern : new Pattern[] {SAME_LINE, BRACKETED}) {
      Matcher m = pattern.matcher(s);
      if (m.matches()) {
        String label = m.group("label").strip();
        if (label.isEmpty() || Wording.isLinkLabel(label)) {
          return Optional.of(link(label, m.group("url")));
        }
      }
    }
    Matcher bare = BARE.matcher(s);
    if (bare.matches()) {
      return Optional.of(link("", bare.group("url")));
    }
    return Optional.empty();
  }

  private static Link link(String label, String url) {
    Wording.LinkRole role = Wording.role(label).orElse(Wording.LinkRole.OTHER);
    if (url.contains("invite-accept") && label.isEmpty()) {
      role = Wording.LinkRole.ACCEPT;
    }
    return new Link(label.strip(), url, role);
  }

  private static int nextNonBlank(List<String> raw, int from) {
    for (int i = from; i < raw.size() && i <= from + 1; i++) {
      if (!raw.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
