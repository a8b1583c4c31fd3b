package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineTest {

  @Test
  void readsEachLinkLayout() {
    assertEquals(link("Accept", "https://x.example/a"), Line.sameLine("Accept: https://x.example/a"));
    assertEquals(link("Accept", "https://x.example/a"), Line.sameLine("Accept :  <https://x.example/a>"));
    assertEquals(link("Accept", "https://x.example/a"), Line.sameLine("Accept [https://x.example/a]"));
    assertEquals(link("Accept", "https://x.example/a"), Line.sameLine("Accept <https://x.example/a>"));
    assertEquals(link("", "http://x.example/(a)"), Line.sameLine("(http://x.example/(a))"));
    assertEquals(link("", "https://x.example/a"), Line.sameLine("<https://x.example/a>"));
    assertEquals(link("", "https://x.example/a"), Line.sameLine("https://x.example/a"));
  }

  @Test
  void aLineWithWordsAroundItsUrlIsText() {
    assertEquals(Optional.empty(), Line.sameLine("see https://x.example/a for more"));
    assertEquals(Optional.empty(), Line.sameLine("https://x.example/a is where"));
    assertEquals(Optional.empty(), Line.sameLine("https://"));
  }

  @Test
  void aLabelThatIsNoLinkLabelMakesNoLink() {
    assertEquals(Optional.empty(), Line.sameLine("I run a meetup: https://x.example/a"));
  }

  @Test
  void aLabelOnItsOwnTakesTheUrlBelow() {
    List<Line> lines = Line.parse(List.of("Accept:", "", "https://x.example/a", "after"));
    assertEquals(2, lines.size());
    assertEquals(link("Accept", "https://x.example/a"), lines.get(0).link());
    assertEquals("after", lines.get(1).text());
  }

  /**
   * The layouts were first read with these patterns; Line now reads them by hand, for speed. Both
   * readings must agree on lines built like links, near misses included: a label, a separator, a
   * bracket, a URL, a closing bracket, each of them sometimes wrong, missing or doubled.
   */
  @Test
  void readsLinksAsThePatternsDo() {
    String[] words = {
      "Accept", "View profile", "Annehmen", "I met you", "a".repeat(79), "a".repeat(80), "é", " ",
      "\t", "\u2003", "\u2028", ":", "<", "(", "[", "http", "x",
      "View " + "n".repeat(65) + "'s profile", "View (x)'s profile"
    };
    String[] separators = {"", " ", ":", " : ", ":\t", "::", " (", "<", "[", "\"", "http"};
    String[] openers = {"", "", "<", "[", "(", ">", " "};
    String[] schemes = {"https://", "http://", "http:/", "HTTP://", "https:", "ftp://"};
    String[] paths = {"", "x.example/a?b=1&c", "/", "(a)", ")", "]", ">", "<", " ", "\"", "é", "\u2003"};
    String[] closers = {"", "", ">", "]", ")", ">>", "])", " ", " more", ":"};
    Random random = new Random(20261202);
    int links = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int w = random.nextInt(3); w > 0; w--) {
        line.append(pick(words, random));
      }
      line.append(pick(separators, random)).append(pick(openers, random)).append(pick(schemes, random));
      for (int p = random.nextInt(3); p > 0; p--) {
        line.append(pick(paths, random));
      }
      line.append(pick(closers, random));
      String s = line.toString().strip();
      Optional<Link> expected = Patterns.sameLine(s);
      assertEquals(expected, Line.sameLine(s), () -> "line: \"" + s + "\"");
      links += expected.isPresent() ? 1 : 0;
    }
    // Both outcomes are well represented, so agreement says something.
    assertEquals(true, links > 1_000, "links among the lines: " + links);
  }

  private static String pick(String[] choices, Random random) {
    return choices[random.nextInt(choices.length)];
  }

  private static Optional<Link> link(String label, String url) {
    return Optional.of(
        Link.of(label, url));
  }

  /** The patterns Line once matched, kept as the definition of what it reads. */
  private static final class Patterns {
    private static final String URL = "https?://[^\\s<>\\[\\]\"]+";
    private static final Pattern SAME_LINE =
        Pattern.compile("^(?<label>[^:<\\[(]{0,80}?)\\s*:+\\s*<?(?<url>" + URL + ")>?$");
    private static final Pattern BRACKETED =
        Pattern.compile("^(?<label>.{0,80}?)\\s*[<\\[(](?<url>" + URL + ")[>\\])]$");
    private static final Pattern BARE = Pattern.compile("^<?(?<url>" + URL + ")>?$");

    static Optional<Link> sameLine(String s) {
      if (!s.contains("http")) {
        return Optional.empty();
      }
      for (Pattern pattern : new Pattern[] {SAME_LINE, BRACKETED}) {
        Matcher m = pattern.matcher(s);
        if (m.matches()) {
          String label = m.group("label").strip();
          if (label.isEmpty() || TemplateText.isLinkLabel(label)) {
            return link(label, m.group("url"));
          }
        }
      }
      Matcher bare = BARE.matcher(s);
      return bare.matches() ? link("", bare.group("url")) : Optional.empty();
    }
  }
}
