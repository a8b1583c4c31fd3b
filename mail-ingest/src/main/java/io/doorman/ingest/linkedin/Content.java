package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a notification that is about the person: from LinkedIn's greeting to its footer,
 * without headings, rules or link lines, split into blocks of consecutive lines. Anything above the
 * greeting (a forwarder's comment, a banner) is left out.
 */
final class Content {

  private static final Pattern RULE = Pattern.compile("^[-=_.*~]{5,}$");

  private final List<Line> lines;
  private final Optional<String> recipientName;

  private Content(List<Line> lines, Optional<String> recipientName) {
    this.lines = lines;
    this.recipientName = recipientName;
  }

  static Content of(Original original) {
    List<Line> all = original.lines();
    Optional<String> intended = intendedFor(all);
    Optional<String> recipientFirst =
        intended.or(() -> original.to().flatMap(m -> m.name())).map(Content::firstWord);
    int start = greeting(all, recipientFirst);
    Optional<String> greeted =
        start < 0 ? Optional.empty() : Wording.greetingName(all.get(start).text(), true);
    int end = footer(all, Math.max(start, 0));
    List<Line> content = new ArrayList<>(all.subList(start + 1, end));
    Optional<String> recipient = intended.or(() -> original.to().flatMap(m -> m.name())).or(() -> greeted);
    return new Content(content, recipient);
  }

  /** The recipient as the notification names them (footer, To name, or greeting). */
  Optional<String> recipientName() {
    return recipientName;
  }

  /** The content lines, links included, in order. */
  List<Line> lines() {
    return lines;
  }

  /** Blocks of text lines, split at blank lines and link lines; headings and rules dropped. */
  List<List<String>> blocks() {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (Line line : lines) {
      if (line.isBlank() || line.isLink() || RULE.matcher(line.text()).matches()) {
        flush(blocks, current);
        current = new ArrayList<>();
      } else if (!Wording.isHeading(line.text())) {
        current.add(line.text());
      }
    }
    flush(blocks, current);
    return blocks;
  }

  private static void flush(List<List<String>> blocks, List<String> current) {
    if (!current.isEmpty()) {
      blocks.add(current);
    }
  }

  private static Optional<String> intendedFor(List<Line> lines) {
    for (Line line : lines) {
      Optional<String> name = Wording.intendedFor(line.text());
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  /** The index of LinkedIn's greeting line, or -1 when there is none before the first link. */
  private static int greeting(List<Line> lines, Optional<String> recipientFirst) {
    int fallback = -1;
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.isLink() || Wording.isFooterStart(line.text())) {
        break;
      }
      Optional<String> word = Wording.greetingName(line.text(), false);
      Optional<String> any = word.or(() -> Wording.greetingName(line.text(), true));
      if (any.isEmpty()) {
        continue;
      }
      if (recipientFirst.isPresent()) {
        if (firstWord(any.get()).equalsIgnoreCase(recipientFirst.get())) {
          return i;
        }
      } else if (word.isPresent() && fallback < 0) {
        fallback = i;
      }
    }
    return fallback;
  }

  private static int footer(List<Line> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (Wording.isFooterStart(lines.get(i).text())) {
        return i;
      }
    }
    return lines.size();
  }

  static String firstWord(String name) {
    String s = name.strip();
    int space = s.indexOf(' ');
    return (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
  }
}
