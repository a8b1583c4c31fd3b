package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lines that describe a member: name, headline, location and mutual connections, in that
 * order, the last three each optional. Found among a notification's blocks by the member's name
 * when it is known, else by where it stands: right above the links that act on it, or around a
 * mutual-connections line.
 *
 * @param block index of the block it was found in
 * @param first index of the name line in that block
 * @param last index after its last line in that block
 */
record PersonBlock(
    String name,
    Optional<String> headline,
    Optional<String> location,
    OptionalInt mutual,
    int block,
    int first,
    int last) {

  private static final int MAX_LINE = 160;

  /** The member's block among these, preferring a line that is their name. */
  static Optional<PersonBlock> find(List<Layout.Block> blocks, List<String> nameCandidates) {
    List<String> names =
        nameCandidates.stream().filter(c -> !c.isBlank()).map(TemplateText::comparable).toList();
    Optional<PersonBlock> best = Optional.empty();
    int bestScore = -1;
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b).lines();
      for (int j = 0; j < lines.size(); j++) {
        if (!isName(lines.get(j), names)) {
          continue;
        }
        PersonBlock candidate = read(lines, b, j);
        int score = score(candidate, blocks.get(b));
        if (score > bestScore) {
          best = Optional.of(candidate);
          bestScore = score;
        }
      }
    }
    return best.or(() -> byShape(blocks));
  }

  /** Reads a block's lines as name, headline, location and mutual connections from line {@code j}. */
  static PersonBlock read(List<String> lines, int b, int j) {
    String headline = null;
    String location = null;
    OptionalInt mutual = OptionalInt.empty();
    int k = j + 1;
    for (; k < lines.size() && k <= j + 3; k++) {
      String line = lines.get(k);
      OptionalInt count = TemplateText.mutualCount(line);
      if (count.isPresent()) {
        mutual = count;
        k++;
        break;
      } else if (line.length() > MAX_LINE || isSignature(line) || TemplateText.isLinkLabel(line)) {
        break;
      } else if (headline == null) {
        headline = line;
      } else if (location == null) {
        location = line;
      } else {
        break;
      }
    }
    return new PersonBlock(
        lines.get(j).strip(),
        Optional.ofNullable(headline),
        Optional.ofNullable(location),
        mutual,
        b,
        j,
        k);
  }

  /** The lines of every block except this person's, as the note's paragraphs. */
  List<List<String>> linesAround(List<Layout.Block> blocks) {
    List<List<String>> parts = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b).lines();
      if (b == block) {
        addIfAny(parts, lines.subList(0, first));
        addIfAny(parts, lines.subList(last, lines.size()));
      } else {
        addIfAny(parts, lines);
      }
    }
    return parts;
  }

  private static void addIfAny(List<List<String>> parts, List<String> lines) {
    if (!lines.isEmpty()) {
      parts.add(lines);
    }
  }

  private static int score(PersonBlock p, Layout.Block block) {
    int score = 0;
    if (p.first == 0) {
      score += 2;
    }
    if (p.headline.isPresent()) {
      score += 1;
    }
    if (p.mutual.isPresent()) {
      score += 2;
    }
    if (p.last == block.lines().size()) {
      score += 1;
    }
    if (block.endedBy().map(LinkRole::isContent).orElse(false)) {
      score += 1;
    }
    return score;
  }

  /** Whether the line is one of the names, which are {@link TemplateText#comparable} already. */
  private static boolean isName(String line, List<String> names) {
    return !names.isEmpty() && line.length() <= MAX_LINE && names.contains(TemplateText.comparable(line));
  }

  /** A "- Jane Doe" line: LinkedIn signs the default text of older invitations with the name. */
  static boolean isSignature(String line) {
    String s = line.strip();
    if (s.length() < 3 || s.length() > 60 || "-–—".indexOf(s.charAt(0)) < 0) {
      return false;
    }
    int i = s.charAt(1) == ' ' ? 2 : 1;
    return i < s.length() && Character.isLetter(s.charAt(i));
  }

  /**
   * Without a known name: the block right above the links that act on the member, else a block
   * with a mutual-connections line, else a short-lined block that opens with a name.
   */
  private static Optional<PersonBlock> byShape(List<Layout.Block> blocks) {
    for (int b = 0; b < blocks.size(); b++) {
      Layout.Block block = blocks.get(b);
      List<String> lines = block.lines();
      boolean aboveLinks = block.endedBy().map(LinkRole::isContent).orElse(false);
      if (aboveLinks && lines.size() <= 4 && looksLikeName(lines.get(0)) && allShort(lines)) {
        return Optional.of(read(lines, b, 0));
      }
    }
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b).lines();
      for (int j = 1; j < lines.size(); j++) {
        if (TemplateText.mutualCount(lines.get(j)).isPresent()) {
          return Optional.of(read(lines, b, Math.max(0, j - 3)));
        }
      }
    }
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b).lines();
      if (lines.size() >= 2 && lines.size() <= 4 && looksLikeName(lines.get(0))) {
        return Optional.of(read(lines, b, 0));
      }
    }
    return Optional.empty();
  }

  private static boolean allShort(List<String> lines) {
    for (String line : lines) {
      if (line.length() > MAX_LINE) {
        return false;
      }
    }
    return true;
  }

  static boolean looksLikeName(String line) {
    String s = line.strip();
    return s.length() <= 60
        && !s.isEmpty()
        && Character.isUpperCase(s.codePointAt(0))
        && ".!?,:;".indexOf(s.charAt(s.length() - 1)) < 0
        && TemplateText.WHITESPACE.split(s).length <= 6;
  }
}
