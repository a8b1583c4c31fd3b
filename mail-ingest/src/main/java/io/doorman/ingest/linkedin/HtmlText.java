package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML to the lines a person would see: block elements start new lines, hidden elements (the
 * preheader) are left out, and a button-like link ({@code <a href=…>Accept</a>}) becomes a line
 * {@code Accept: URL}, the way the text/plain part writes it.
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

  /** The visible text of an HTML body as lines, with button links written as "Label: URL". */
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

  /** A link whose text is a label (Accept, View profile, Reply, …) rather than content. */
  private static boolean isButton(Element a) {
    String href = a.attr("href");
    if (!href.regionMatches(true, 0, "http", 0, 4)) {
      return false;
    }
    return Wording.isLinkLabel(a.text().strip());
  }
}
