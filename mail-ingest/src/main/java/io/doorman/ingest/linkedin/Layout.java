package io.doorman.ingest.linkedin;

import io.doorman.ingest.mime.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the parts of a notification stand: LinkedIn's greeting, the content (headings, the person
 * block, the note, the links), and LinkedIn's footer. Told by structure: the greeting names the
 * recipient; the footer starts where LinkedIn's frame does: a footer link (unsubscribe, help,
 * settings), the copyright, a rule or the recipient's name after the content's links. Wording is
 * only a fallback for each.
 */
final class Layout {

  private static final Pattern RULE = Pattern.compile("^[-=_.*~·•]{5,}$");

  private final List<Line> all;
  private final int greeting;
  private final int footer;
  private final Optional<String> recipientName;

  private Layout(List<Line> all, int greeting, int footer, Optional<String> recipientName) {
    this.all = all;
    this.greeting = greeting;
    this.footer = footer;
    this.recipientName = recipientName;
  }

  /**
   * @param stopAt names that end the search for a greeting: in a message notification a greeting
   *     after the sender's name is the sender's own ("Hi Paul, …"), not LinkedIn's
   */
  static Layout of(Original original, List<String> stopAt) {
    List<Line> all = original.lines();
    Optional<String> intended = intendedFor(all);
    Optional<String> toName = original.to().flatMap(Mailbox::name).filter(n -> !n.isBlank());
    Optional<String> recipientFirst = intended.or(() -> toName).map(Layout::firstWord);
    int greeting = greeting(all, recipientFirst, stopAt);
    Optional<String> greeted =
        greeting < 0 ? Optional.empty() : TemplateText.greetingName(all.get(greeting).text(), true);
    Optional<String> recipient = intended.or(() -> toName).or(() -> greeted);
    int footer = footer(all, Math.max(greeting + 1, 0), recipient, original.to().flatMap(Mailbox::address));
    return new Layout(all, greeting, footer, recipient);
  }

  /** The recipient as the notification names them (footer, To name, or greeting). */
  Optional<String> recipientName() {
    return recipientName;
  }

  /** The content lines, links included, in order: after the greeting, before the footer. */
  List<Line> content() {
    return all.subList(greeting + 1, footer);
  }

  /** The footer's lines and the link labels: LinkedIn's own text, for telling its language. */
  String templateText() {
    StringBuilder sb = new StringBuilder();
    if (greeting >= 0) {
      sb.append(all.get(greeting).text()).append('\n');
    }
    for (int i = greeting + 1; i < all.size(); i++) {
      Line line = all.get(i);
      if (line.isLink()) {
        sb.append(line.link().get().label()).append('\n');
      } else if (i >= footer) {
        sb.append(withoutUrls(line.text())).append('\n');
      }
    }
    return sb.toString();
  }

  /** Blocks of text lines, split at blank lines and link lines; headings and rules dropped. */
  List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (Line line : content()) {
      if (line.isBlank() || line.isLink() || isRule(line.text())) {
        flush(blocks, current, line.link());
        current = new ArrayList<>();
      } else if (!TemplateText.isHeading(line.text())) {
        current.add(line.text());
      }
    }
    flush(blocks, current, Optional.empty());
    return blocks;
  }

  /**
   * A block of consecutive text lines.
   *
   * @param below the link right below it, when a link ends it
   */
  record Block(List<String> lines, Optional<Link> below) {

    /** The role of the link below, when a link ends the block. */
    Optional<LinkRole> endedBy() {
      return below.map(Link::role);
    }
  }

  private static void flush(List<Block> blocks, List<String> current, Optional<Link> endedBy) {
    if (!current.isEmpty()) {
      blocks.add(new Block(List.copyOf(current), endedBy));
    } else if (endedBy.isPresent() && !blocks.isEmpty() && blocks.get(blocks.size() - 1).below().isEmpty()) {
      // "Name / Headline", blank, "Accept: …": the link still ends the block above the blank.
      Block last = blocks.remove(blocks.size() - 1);
      blocks.add(new Block(last.lines(), endedBy));
    }
  }

  static boolean isRule(String text) {
    return text.length() >= 5 && RULE.matcher(text).matches();
  }

  private static Optional<String> intendedFor(List<Line> lines) {
    for (Line line : lines) {
      Optional<String> name = TemplateText.intendedFor(line.text());
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  /**
   * The index of LinkedIn's greeting line, or -1 when there is none before the first link: a short
   * line that names the recipient and ends in a comma or colon ("Hi Paul,", "Olá Paul,", "Paul,"),
   * or, when the recipient is not known, one that opens with a greeting word.
   */
  private static int greeting(List<Line> lines, Optional<String> recipientFirst, List<String> stopAt) {
    int fallback = -1;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.isLink() || TemplateText.isFooterStart(line.text()) || stops(line.text(), stopAt)) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      if (recipientFirst.isPresent() && namesInGreeting(line.text(), recipientFirst.get())) {
        return i;
      }
      Optional<String> word = TemplateText.greetingName(line.text(), false);
      if (word.isPresent() && fallback < 0) {
        fallback = i; // "Hi JetBrains/swot," where LinkedIn knew the recipient by address only
      }
    }
    return fallback;
  }

  private static boolean stops(String text, List<String> names) {
    for (String name : names) {
      if (!name.isBlank() && TemplateText.comparable(text).equals(TemplateText.comparable(name))) {
        return true;
      }
    }
    return false;
  }

  /** "Hi Paul," "Hallo Paul," "Hola, Paul:" "Paul,": at most four words, one of them the name. */
  private static boolean namesInGreeting(String text, String first) {
    String t = text.strip();
    if (t.length() > 60 || t.isEmpty() || ",:!".indexOf(t.charAt(t.length() - 1)) < 0) {
      return TemplateText.greetingName(t, false).map(n -> firstWord(n).equals(first)).orElse(false);
    }
    String[] words = TemplateText.WHITESPACE.split(t.substring(0, t.length() - 1).replace(",", " ").strip());
    if (words.length > 4) {
      return false;
    }
    for (String w : words) {
      if (w.toLowerCase(Locale.ROOT).equals(first)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where LinkedIn's footer begins: the paragraph of the first line that is LinkedIn's frame. A
   * rule or the recipient's name counts only after the content's first link (a note may greet the
   * recipient by name).
   */
  private static int footer(
      List<Line> lines, int from, Optional<String> recipient, Optional<String> recipientAddress) {
    int firstContentLink = -1;
    for (int i = from; i < lines.size(); i++) {
      Line line = lines.get(i);
      boolean afterContent = firstContentLink >= 0;
      if (isFrame(line, afterContent, recipient, recipientAddress)) {
        return paragraphStart(lines, i, Math.max(from, firstContentLink + 1));
      }
      if (firstContentLink < 0 && line.link().map(l -> l.role().isContent()).orElse(false)) {
        firstContentLink = i;
      }
    }
    return lines.size();
  }

  private static boolean isFrame(
      Line line, boolean afterContent, Optional<String> recipient, Optional<String> address) {
    if (line.link().isPresent()) {
      return line.link().get().role() == LinkRole.FOOTER;
    }
    String text = line.text();
    if (text.isEmpty()) {
      return false;
    }
    if (TemplateText.isCopyright(text) || TemplateText.isFooterStart(text) || hasFooterLink(text)) {
      return true;
    }
    return afterContent && (isRule(text) || mentions(text, recipient, address));
  }

  /** A text line with one of LinkedIn's footer links in it ("… Unsubscribe here: https://…"). */
  private static boolean hasFooterLink(String text) {
    int at = text.indexOf("http");
    while (at >= 0) {
      int end = at;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      if (LinkRoles.of(text.substring(at, end), "") == LinkRole.FOOTER) {
        return true;
      }
      at = text.indexOf("http", end);
    }
    return false;
  }

  /**
   * Whether the line is about the recipient: names their address ("This email was sent to …"), or
   * their full name within a sentence. A line that is only a name is a person block's, and may be
   * a namesake's.
   */
  private static boolean mentions(String text, Optional<String> recipient, Optional<String> address) {
    if (address.isPresent() && !address.get().isBlank() && text.toLowerCase(Locale.ROOT).contains(address.get().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return recipient
        .map(String::strip)
        .filter(r -> r.indexOf(' ') > 0 && text.length() >= r.length() + 12)
        .map(text::contains)
        .orElse(false);
  }

  /** The first line of the paragraph that holds line {@code i}, not above {@code floor}. */
  private static int paragraphStart(List<Line> lines, int i, int floor) {
    int start = i;
    while (start > floor && !lines.get(start - 1).isBlank() && !lines.get(start - 1).isLink()) {
      start--;
    }
    return start;
  }

  private static String withoutUrls(String text) {
    int at = text.indexOf("http");
    if (at < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    int from = 0;
    while (at >= 0) {
      sb.append(text, from, at);
      int end = at;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      from = end;
      at = text.indexOf("http", end);
    }
    return sb.append(text.substring(from)).toString();
  }

  static String firstWord(String name) {
    String s = name.strip();
    int space = s.indexOf(' ');
    return (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
  }
}
