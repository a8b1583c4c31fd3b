package io.doorman.policies.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads YAML nodes of one file, collecting errors with their positions instead of throwing. */
final class Nodes {

  private final String file;
  private final String[] lines;
  private final List<PolicyError> errors = new ArrayList<>();
  private int valuesRead;
  private boolean tooManyValues;
  private int programSize;

  Nodes(String file, String text) {
    this.file = file;
    this.lines = text.split("\r?\n|\r", -1);
  }

  List<PolicyError> errors() {
    return errors;
  }

  /** Counts a compiled regular expression's instructions; returns the file's total so far. */
  int addProgram(int instructions) {
    programSize += instructions;
    return programSize;
  }

  Position at(Node node) {
    return node.getStartMark()
        .map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Position(file, 1, 1));
  }

  /**
   * Where character {@code offset} of a scalar's value stands in the file: exact for a plain or
   * quoted scalar written on one line, else the scalar's start.
   */
  Position at(Node node, int offset) {
    Position start = at(node);
    if (!(node instanceof ScalarNode) || start.line() > lines.length) {
      return start;
    }
    ScalarNode scalar = (ScalarNode) node;
    String line = lines[start.line() - 1];
    int from;
    try {
      from = line.offsetByCodePoints(0, start.column() - 1);
    } catch (IndexOutOfBoundsException e) {
      return start;
    }
    ScalarStyle style = scalar.getScalarStyle();
    boolean quoted = style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED;
    if (!quoted && style != ScalarStyle.PLAIN) {
      return start;
    }
    String value = scalar.getValue();
    int raw = from + (quoted ? 1 : 0);
    for (int i = 0; i < offset; i++) {
      if (raw >= line.length()) {
        return start;
      }
      char c = line.charAt(raw);
      int width = 1;
      if (style == ScalarStyle.SINGLE_QUOTED && c == '\'' && raw + 1 < line.length()) {
        width = 2;
      } else if (style == ScalarStyle.DOUBLE_QUOTED && c == '\\' && raw + 1 < line.length()) {
        char e = line.charAt(raw + 1);
        width = e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
      } else if (c != value.charAt(i)) {
        return start; // not the same text: folded or escaped in a way not followed here
      }
      raw += width;
    }
    return new Position(file, start.line(), line.codePointCount(0, Math.min(raw, line.length())) + 1);
  }

  void error(Node node, String message) {
    errors.add(at(node).error(message));
  }

  /** The entries of a mapping with string keys; reports duplicates and non-mappings. */
  List<NodeTuple> mapping(Node node, String what) {
    if (!(node instanceof MappingNode)) {
      error(node, what + " must be a mapping (key: value)");
      return List.of();
    }
    List<NodeTuple> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      Optional<String> key = scalar(t.getKeyNode(), "a key");
      if (key.isEmpty()) {
        continue;
      }
      if (!seen.add(key.get())) {
        error(t.getKeyNode(), "duplicate key '" + key.get() + "'");
        continue;
      }
      entries.add(t);
    }
    return entries;
  }

  List<Node> sequence(Node node, String what) {
    if (!(node instanceof SequenceNode)) {
      error(node, what + " must be a list");
      return List.of();
    }
    return ((SequenceNode) node).getValue();
  }

  /** A scalar, or a one-element list of scalars given as a bare scalar. */
  List<Node> oneOrMany(Node node) {
    return node instanceof SequenceNode ? ((SequenceNode) node).getValue() : List.of(node);
  }

  Optional<String> scalar(Node node, String what) {
    if (++valuesRead > Limits.MAX_VALUES) {
      if (!tooManyValues) {
        tooManyValues = true;
        error(node, "the file expands to more than " + Limits.MAX_VALUES
            + " values (aliases reused too often?); nothing after this point was read");
      }
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode)) {
      error(node, what + " must be a single value, not a list or mapping");
      return Optional.empty();
    }
    return Optional.of(((ScalarNode) node).getValue());
  }

  static String key(NodeTuple t) {
    return ((ScalarNode) t.getKeyNode()).getValue();
  }

  Optional<Boolean> bool(Node node, String what) {
    Optional<String> s = scalar(node, what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    switch (s.get().toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
        return Optional.of(true);
      case "false":
      case "no":
        return Optional.of(false);
      default:
        error(node, what + " must be true or false, not '" + s.get() + "'");
        return Optional.empty();
    }
  }

  Optional<Integer> integer(Node node, String what) {
    Optional<String> s = scalar(node, what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(s.get().trim().replaceFirst("^\\+", "")));
    } catch (NumberFormatException e) {
      error(node, what + " must be a whole number, not '" + s.get() + "'");
      return Optional.empty();
    }
  }

  /** Reports an unknown key, suggesting the closest known one. */
  void unknownKey(Node keyNode, String what, String key, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    String hint = best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
    error(keyNode, "unknown " + what + " '" + key + "'" + hint);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
