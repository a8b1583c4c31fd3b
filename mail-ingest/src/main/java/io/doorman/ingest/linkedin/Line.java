package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a notification body: text, a blank, or a link in any of LinkedIn's layouts ("Accept:
 * URL", "Accept:" with the URL on the next line, "Accept [URL]", "Accept <URL>", a bare URL). A
 * label makes a link when it is one of LinkedIn's labels or when the link carries LinkedIn's email
 * tracking (so "Confirm that you know Jane Doe:" is a label in any language); a member's own "my
 * portfolio: https://…" stays text.
 */
record Line(String text, Optional<Link> link) {

  // The layouts, as patterns (URL = https?://[^\s<>\[\]"]+, \s as in java.util.regex):
  //   same line:  label (no ':', '<', '[', '('; at most 80) \s* ':'+ \s* '<'? URL '>'?
  //   bracketed:  label (at most 80) \s* one of <[( URL one of >])
  //   bare:       '<'? URL '>'?
  //   label only: label (no ':'; 1 to 80) \s* ':'   (the URL, bare, on the next line)
  // Read by hand below rather than matched: these are tried on every line of every email, and
  // the patterns' backtracking over the URL was a tenth of the parser's time. LineTest holds the
  // patterns and checks that both readings agree.
  private static final int MAX_LABEL = 80;
  private static final Pattern LABEL_ONLY = Pattern.compile("^(?<label>[^:]{1,80}?)\\s*:+$");

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
      String s = clean(raw.get(i));
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
    if (!labelOnly.matches()) {
      return Optional.empty();
    }
    String label = labelOnly.group("label").strip();
    return bare(clean(nextLine)).flatMap(url -> labelled(label, url));
  }

  /**
   * A line as read: HTML entities decoded (text parts carry {@code &#39;} and {@code &amp;}), no
   * spaces that do not show (LinkedIn writes U+200C into addresses against auto-linking), no-break
   * spaces as spaces.
   */
  static String clean(String raw) {
    String s = raw;
    if (s.indexOf('&') >= 0 && s.indexOf(';') > s.indexOf('&')) {
      s = org.jsoup.parser.Parser.unescapeEntities(s, false);
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean invisible = c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff';
      if (invisible || c == '\u00a0') {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        if (!invisible) {
          out.append(' ');
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return (out == null ? s : out.toString()).strip();
  }

  /** A link on the line itself: labelled with a colon, in brackets, or bare. */
  static Optional<Link> sameLine(String s) {
    if (!s.contains("http")) {
      return Optional.empty();
    }
    Optional<Link> labelled = afterColon(s).or(() -> inBrackets(s));
    if (labelled.isPresent()) {
      return labelled;
    }
    return bare(s).map(Line::unlabelled);
  }

  /** "Accept: URL" or "Accept: <URL>"; the label is what comes before the first colon. */
  private static Optional<Link> afterColon(String s) {
    int colon = s.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    int labelEnd = skipSpacesBack(s, colon);
    if (labelEnd > MAX_LABEL || containsAny(s, labelEnd, "<[(")) {
      return Optional.empty();
    }
    int afterColons = colon + 1;
    while (afterColons < s.length() && s.charAt(afterColons) == ':') {
      afterColons++; // "Change frequency:: URL", as 2016's footers write it
    }
    int url = skipSpaces(s, afterColons);
    if (url < s.length() && s.charAt(url) == '<') {
      url++;
    }
    return urlToEnd(s, url).flatMap(u -> labelled(s.substring(0, labelEnd), u));
  }

  /**
   * "Accept [URL]", "Accept <URL>", "Accept (URL)": the URL opens at the first bracket after which
   * it runs to the closing one at the end of the line.
   */
  private static Optional<Link> inBrackets(String s) {
    int close = s.length() - 1;
    if (">])".indexOf(s.charAt(close)) < 0) {
      return Optional.empty();
    }
    for (int open = 0; open < close; open++) {
      if ("<[(".indexOf(s.charAt(open)) >= 0) {
        Optional<String> url = urlBetween(s, open + 1, close);
        if (url.isPresent()) {
          int labelEnd = skipSpacesBack(s, open);
          if (labelEnd > MAX_LABEL || containsLineBreak(s, labelEnd)) {
            return Optional.empty();
          }
          return labelled(s.substring(0, labelEnd), url.get());
        }
      }
    }
    return Optional.empty();
  }

  /** A line that is only a URL, maybe in angle brackets. */
  private static Optional<String> bare(String s) {
    return urlToEnd(s, s.startsWith("<") ? 1 : 0);
  }

  /**
   * A link when its label is empty, reads as one of LinkedIn's link labels, or labels a link that
   * LinkedIn's mail wrote.
   */
  private static Optional<Link> labelled(String rawLabel, String url) {
    String label = rawLabel.strip();
    if (label.isEmpty()) {
      return Optional.of(unlabelled(url));
    }
    Link link = Link.of(label, url);
    return TemplateText.isLinkLabel(label) || link.tracking().isPresent() ? Optional.of(link) : Optional.empty();
  }

  /** The URL from {@code from} to the end of {@code s}, but for one closing '>'. */
  private static Optional<String> urlToEnd(String s, int from) {
    int end = s.length();
    if (end > from && s.charAt(end - 1) == '>') {
      end--;
    }
    return urlBetween(s, from, end);
  }

  /** {@code s} from {@code from} to {@code end} when that is all one http(s) URL. */
  private static Optional<String> urlBetween(String s, int from, int end) {
    int rest;
    if (s.startsWith("https://", from)) {
      rest = from + "https://".length();
    } else if (s.startsWith("http://", from)) {
      rest = from + "http://".length();
    } else {
      return Optional.empty();
    }
    if (rest >= end) {
      return Optional.empty();
    }
    for (int i = rest; i < end; i++) {
      char c = s.charAt(i);
      if (isSpace(c) || "<>[]\"".indexOf(c) >= 0) {
        return Optional.empty();
      }
    }
    return Optional.of(s.substring(from, end));
  }

  /** Whitespace as {@code \s} means it in java.util.regex (not Unicode's). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static int skipSpaces(String s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpacesBack(String s, int end) {
    int i = end;
    while (i > 0 && isSpace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean containsAny(String s, int end, String chars) {
    for (int i = 0; i < end; i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The line breaks that a pattern's '.' does not match. */
  private static boolean containsLineBreak(String s, int end) {
    return containsAny(s, end, "\n\r\u0085\u2028\u2029");
  }

  /** A link without a label: its role is what the link itself says. */
  private static Link unlabelled(String url) {
    return Link.of("", url);
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
