package io.doorman.policies.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads YAML nodes of one file, collecting errors with their positions instead of throwing. */
final class Nodes {

  private final String file;
  private final List<PolicyError> errors = new ArrayList<>();

  Nodes(String file) {
    this.file = file;
  }

  List<PolicyError> errors() {
    return errors;
  }

  Position at(Node node) {
    return node.getStartMark()
        .map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Position(file, 1, 1));
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
