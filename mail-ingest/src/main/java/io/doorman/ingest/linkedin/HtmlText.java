package io.doorman.ingest.linkedin;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import io.doorman.ingest.mime.MimeMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * HTML to the lines a person would see: block elements start new lines, hidden elements (the
 * preheader) are left out, and a link that acts ({@code <a href=…>Accept</a>}, "Accept invitation
 * from Jane", Unsubscribe) becomes a line {@code Label: URL}, the way the text/plain part writes
 * it. A link to the member's profile whose text is their name stays text: it is the person block's
 * name line.
 */
final class HtmlText {

  private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

  private static final Set<String> LINE_BLOCKS =
      Set.of(
          "p", "div", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "center", "section",
          "article", "header", "footer");
  private static final Set<String> PARAGRAPH_BLOCKS =
      Set.of("tr", "table", "hr", "blockquote", "ul", "ol");
  private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "img");

  private final List<String> lines = new ArrayList<>();
  private final StringBuilder line = new StringBuilder();

  private HtmlText() {}

  /** The visible text of an HTML body as lines, with links that act written as "Label: URL". */
  static List<String> lines(String html) {
    Document doc = Jsoup.parse(html);
    HtmlText text = new HtmlText();
    text.walk(doc.body() == null ? doc : doc.body());
    text.breakLine();
    return text.lines;
  }

  private void walk(Node node) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        line.append(t.text());
      } else if (child instanceof Element e) {
        element(e);
      }
    }
  }

  private void element(Element e) {
    String tag = e.normalName();
    if (SKIPPED.contains(tag) || hidden(e)) {
      return;
    }
    if (tag.equals("br")) {
      if (line.toString().isBlank()) {
        blankLine();
      } else {
        breakLine();
      }
      return;
    }
    if (tag.equals("a") && isButton(e)) {
      breakLine();
      line.append(e.text().strip()).append(": ").append(e.attr("href").strip());
      breakLine();
      return;
    }
    boolean paragraph = PARAGRAPH_BLOCKS.contains(tag);
    boolean block = paragraph || LINE_BLOCKS.contains(tag);
    if (paragraph) {
      blankLine();
    } else if (block) {
      breakLine();
    }
    walk(e);
    if (paragraph) {
      blankLine();
    } else if (block) {
      breakLine();
    }
  }

  private void breakLine() {
    String s = SPACES.matcher(line.toString().replace('\u00a0', ' ')).replaceAll(" ").strip();
    line.setLength(0);
    if (!s.isEmpty()) {
      lines.add(s);
    }
  }

  private void blankLine() {
    breakLine();
    if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
      lines.add("");
    }
  }

  private static boolean hidden(Element e) {
    String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
    return style.contains("display:none") || e.hasAttr("hidden");
  }

  /**
   * A link that acts rather than shows content: one of LinkedIn's labels, or a link whose address
   * says it accepts, replies, writes or leaves (by its path and tracking). A profile link whose
   * text is not a label is the member's name.
   */
  private static boolean isButton(Element a) {
    String href = a.attr("href").strip();
    String text = a.text().strip();
    if (!href.regionMatches(true, 0, "http", 0, 4) || text.isEmpty()) {
      return false;
    }
    if (TemplateText.isLinkLabel(text)) {
      return true;
    }
    LinkRole role = LinkRoles.of(href, "");
    return role != LinkRole.PROFILE && role != LinkRole.OTHER;
  }

  // ------------------------------------------------------------------ comparing with the text part

  /**
   * The visible text of an HTML part, normalised, for asking whether a text stands in it. Read from
   * the part's bytes: tags, comments, {@code <head>}, {@code <style>} and {@code <script>} are
   * dropped before anything becomes a string, so only the text (a fraction of the part) is decoded.
   */
  static Visible visible(MimeMail.Bytes html) {
    byte[] b = html.data();
    byte[] kept = new byte[b.length];
    int n = 0;
    int i = 0;
    while (i < b.length) {
      byte c = b[i];
      if (c != '<') {
        kept[n++] = c;
        i++;
        continue;
      }
      if (startsWith(b, i, "<!--")) {
        int close = indexOf(b, "-->", i + 4);
        i = close < 0 ? b.length : close + 3;
        continue;
      }
      String skipped = skippedElement(b, i);
      int close = indexOf(b, (byte) '>', i + 1);
      if (close < 0) {
        break;
      }
      i = skipped == null ? close + 1 : endTag(b, skipped, close + 1);
      kept[n++] = ' ';
    }
    String text = new String(kept, 0, n, html.charset());
    if (text.indexOf('&') >= 0) {
      text = Parser.unescapeEntities(text, false);
    }
    return new Visible(normalise(text), endsAsHtml(b));
  }

  /** An HTML part's text: tags and scripts out, entities decoded, spaces and quotes normalised. */
  static final class Visible {
    private final String text;
    private final boolean complete;

    private Visible(String text, boolean complete) {
      this.text = text;
      this.complete = complete;
    }

    /** Whether the part ends as HTML does; one cut off on the way can't say what it lacks. */
    boolean complete() {
      return complete;
    }

    boolean contains(String passage) {
      String p = normalise(passage);
      return p.isEmpty() || text.contains(p);
    }
  }

  /** Whether a closing body or html tag stands in the last part of the bytes. */
  private static boolean endsAsHtml(byte[] b) {
    for (int at = indexOf(b, "</", Math.max(0, b.length - 2_000)); at >= 0; at = indexOf(b, "</", at + 2)) {
      if (startsWithIgnoreCase(b, at + 2, "body") || startsWithIgnoreCase(b, at + 2, "html")) {
        return true;
      }
    }
    return false;
  }

  /** For {@code <style>}, {@code <script>}, {@code <head>} and {@code <title>}: the tag's name. */
  private static String skippedElement(byte[] b, int at) {
    int first = at + 1 < b.length ? b[at + 1] | 0x20 : 0;
    if (first != 's' && first != 'h' && first != 't') {
      return null;
    }
    for (String tag : new String[] {"style", "script", "head", "title"}) {
      int end = at + 1 + tag.length();
      if (startsWithIgnoreCase(b, at + 1, tag) && (end >= b.length || b[end] == '>' || b[end] == ' ' || b[end] == '\t'
          || b[end] == '\r' || b[end] == '\n')) {
        return tag;
      }
    }
    return null;
  }

  /** Where the text resumes after the end tag of a skipped element (the end when there is none). */
  private static int endTag(byte[] b, String tag, int from) {
    for (int at = indexOf(b, "</", from); at >= 0; at = indexOf(b, "</", at + 2)) {
      if (startsWithIgnoreCase(b, at + 2, tag)) {
        int close = indexOf(b, (byte) '>', at);
        return close < 0 ? b.length : close + 1;
      }
    }
    return b.length;
  }

  private static boolean startsWith(byte[] b, int at, String s) {
    if (at + s.length() > b.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithIgnoreCase(byte[] b, int at, String lower) {
    if (at + lower.length() > b.length) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      int c = b[at + k];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, byte c, int from) {
    for (int i = Math.max(0, from); i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, String s, int from) {
    byte first = (byte) s.charAt(0);
    for (int i = Math.max(0, from); i + s.length() <= b.length; i++) {
      if (b[i] == first && startsWith(b, i, s)) {
        return i;
      }
    }
    return -1;
  }

  /** One space for any run of white space, straight quotes, no invisible characters. */
  static String normalise(String s) {
    String t = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(t.length());
    boolean space = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff') {
        continue;
      }
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!space) {
          out.append(' ');
          space = true;
        }
        continue;
      }
      space = false;
      if (c == '\u2019' || c == '\u2018') {
        out.append('\'');
      } else if (c == '\u201c' || c == '\u201d') {
        out.append('"');
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }
}
