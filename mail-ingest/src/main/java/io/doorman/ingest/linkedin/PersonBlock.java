package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lines that describe a member: name, headline, location and mutual connections, in that
 * order, the last three each optional. Found among a notification's blocks by the member's name
 * when it is known, else by its shape.
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
  static Optional<PersonBlock> find(List<List<String>> blocks, List<String> nameCandidates) {
    List<String> names =
        nameCandidates.stream().filter(c -> !c.isBlank()).map(Wording::comparable).toList();
    Optional<PersonBlock> best = Optional.empty();
    int bestScore = -1;
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b);
      for (int j = 0; j < lines.size(); j++) {
        if (!isName(lines.get(j), names)) {
          continue;
        }
        PersonBlock candidate = read(blocks, b, j);
        int score = score(candidate, lines.size());
        if (score > bestScore) {
          best = Optional.of(candidate);
          bestScore = score;
        }
      }
    }
    return best.or(() -> byShape(blocks));
  }

  /** Reads a block as name, headline, location and mutual connections from line {@code j}. */
  static PersonBlock read(List<List<String>> blocks, int b, int j) {
    List<String> lines = blocks.get(b);
    String headline = null;
    String location = null;
    OptionalInt mutual = OptionalInt.empty();
    int k = j + 1;
    for (; k < lines.size() && k <= j + 3; k++) {
      String line = lines.get(k);
      OptionalInt count = Wording.mutualCount(line);
      if (count.isPresent()) {
        mutual = count;
        k++;
        break;
      } else if (line.length() > MAX_LINE) {
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

  /** The text of every block except this person's lines, joined as the note would be. */
  String textAround(List<List<String>> blocks) {
    List<String> parts = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b);
      if (b == block) {
        addJoined(parts, lines.subList(0, first));
        addJoined(parts, lines.subList(last, lines.size()));
      } else {
        addJoined(parts, lines);
      }
    }
    return String.join("\n\n", parts).strip();
  }

  private static void addJoined(List<String> parts, List<String> lines) {
    if (!lines.isEmpty()) {
      parts.add(String.join("\n", lines));
    }
  }

  private static int score(PersonBlock p, int blockSize) {
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
    if (p.last == blockSize) {
      score += 1;
    }
    return score;
  }

  /** Whether the line is one of the names, which are {@link Wording#comparable} already. */
  private static boolean isName(String line, List<String> names) {
    return !names.isEmpty() && line.length() <= MAX_LINE && names.contains(Wording.comparable(line));
  }

  /** Without a known name: a block with a mutual-connections line, else a short-lined block. */
  private static Optional<PersonBlock> byShape(List<List<String>> blocks) {
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b);
      for (int j = 1; j < lines.size(); j++) {
        if (Wording.mutualCount(lines.get(j)).isPresent()) {
          return Optional.of(read(blocks, b, Math.max(0, j - 3)));
        }
      }
    }
    for (int b = 0; b < blocks.size(); b++) {
      List<String> lines = blocks.get(b);
      if (lines.size() >= 2 && lines.size() <= 4 && looksLikeName(lines.get(0))) {
        return Optional.of(read(blocks, b, 0));
      }
    }
    return Optional.empty();
  }

  private static boolean looksLikeName(String line) {
    String s = line.strip();
    return s.length() <= 60
        && !s.isEmpty()
        && Character.isUpperCase(s.codePointAt(0))
        && ".!?,:;".indexOf(s.charAt(s.length() - 1)) < 0
        && Wording.WHITESPACE.split(s).length <= 6;
  }
}
