package io.doorman.policies.language;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Language;
import io.doorman.policies.rules.Comparison;
import io.doorman.policies.rules.Condition;
import io.doorman.policies.rules.Conditions;
import io.doorman.policies.rules.Field;
import io.doorman.policies.rules.Prediction;
import io.doorman.policies.rules.FoldedText;
import io.doorman.policies.rules.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Compiles the {@code if:} part of a rule. A mapping with several keys means all of them; {@code
 * all}, {@code any} and {@code not} combine.
 */
final class ConditionParser {

  /** Which texts a rule may look at: invitation rules see an invitation, reply rules a message. */
  enum Section {
    INVITATION,
    REPLY
  }

  private static final Pattern TEAM =
      Pattern.compile("\\s*(.+?)\\s+within\\s+(\\d{1,4})\\s*d\\s*", Pattern.CASE_INSENSITIVE);
  private static final Set<String> KEYWORD_LANGUAGES =
      Set.of("en", "de", "fr", "es", "pt", "it", "nl", "id", "any");
  private static final Set<String> SENTENCE_KEYS = Set.of("has", "and", "without");

  private final Nodes nodes;
  private final Vocabulary.Builder vocabulary;
  private final Map<String, Function<Node, Optional<Condition>>> keys = new LinkedHashMap<>();

  ConditionParser(Nodes nodes, Vocabulary.Builder vocabulary, Section section) {
    this.nodes = nodes;
    this.vocabulary = vocabulary;
    keys.put("all", v -> combine(v, "all", Conditions::all));
    keys.put("any", v -> combine(v, "any", Conditions::any));
    keys.put("not", v -> parse(v).map(Conditions::not));
    keys.put("language", this::language);
    keys.put("senderIn", this::senderIn);
    keys.put("sentence", this::sentence);
    if (section == Section.REPLY) {
      keys.put("textHas", v -> keywords(v, List.of(Field.NOTE)));
      keys.put("textDenies", v -> denies(v, List.of(Field.NOTE)));
      keys.put("textMatches", v -> regex(v, Field.NOTE));
      keys.put("textLength", v -> length(v, Field.NOTE));
      return;
    }
    keys.put("note", this::note);
    keys.put("noteLength", v -> length(v, Field.NOTE));
    keys.put("noteHas", v -> keywords(v, List.of(Field.NOTE)));
    keys.put("noteDenies", v -> denies(v, List.of(Field.NOTE)));
    keys.put("noteMatches", v -> regex(v, Field.NOTE));
    keys.put("headlineHas", v -> keywords(v, List.of(Field.HEADLINE)));
    keys.put("headlineMatches", v -> regex(v, Field.HEADLINE));
    keys.put("noteOrHeadlineHas", v -> keywords(v, List.of(Field.NOTE, Field.HEADLINE)));
    keys.put("nameHas", v -> keywords(v, List.of(Field.NAME)));
    keys.put("mutualConnections", this::mutual);
    keys.put("authenticity", this::authenticity);
    keys.put("domainIn", this::domainIn);
    keys.put("recipientIn", this::recipientIn);
    keys.put("sameSenderInvitedTeammates", this::teamInvites);
    keys.put("previouslyDeclinedByTeam", v -> nodes.bool(v, "previouslyDeclinedByTeam")
        .map(Conditions::previouslyDeclinedByTeam));
    keys.put("reminder", v -> nodes.bool(v, "reminder").map(Conditions::reminder));
    keys.put("learned", this::learned);
  }

  /** {@code learned: {category: personal, atLeast: 0.8}} or {@code {action: accept, ...}}. */
  private Optional<Condition> learned(Node value) {
    Optional<Prediction.Target> target = Optional.empty();
    int label = -1;
    double atLeast = Double.NaN;
    boolean ok = true;
    for (NodeTuple t : nodes.mapping(value, "learned")) {
      String key = Nodes.key(t);
      Optional<String> s = nodes.scalar(t.getValueNode(), key);
      if (s.isEmpty()) {
        ok = false;
        continue;
      }
      switch (key) {
        case "category":
        case "action":
          if (target.isPresent()) {
            nodes.error(t.getKeyNode(), "'learned' asks about a category or an action, not both");
            ok = false;
            break;
          }
          target = Optional.of(key.equals("category") ? Prediction.Target.CATEGORY
              : Prediction.Target.ACTION);
          label = labelOf(key, s.get());
          if (label < 0) {
            nodes.error(t.getValueNode(), "unknown " + key + " '" + s.get() + "'");
            ok = false;
          }
          break;
        case "atLeast":
          try {
            atLeast = Double.parseDouble(s.get().trim());
          } catch (NumberFormatException e) {
            atLeast = Double.NaN;
          }
          if (!(atLeast > 0 && atLeast <= 1)) {
            nodes.error(t.getValueNode(), "atLeast must be a probability above 0 and at most 1,"
                + " e.g. 0.8, not '" + s.get() + "'");
            ok = false;
          }
          break;
        default:
          nodes.unknownKey(t.getKeyNode(), "learned key", key,
              Set.of("category", "action", "atLeast"));
          ok = false;
      }
    }
    if (ok && (target.isEmpty() || Double.isNaN(atLeast))) {
      nodes.error(value, "'learned' needs a category or an action, and atLeast: e.g."
          + " {category: personal, atLeast: 0.8}");
      return Optional.empty();
    }
    return ok ? Optional.of(Conditions.learned(target.get(), label, atLeast)) : Optional.empty();
  }

  private static int labelOf(String key, String wire) {
    Enum<?>[] values = key.equals("category") ? io.doorman.policies.Category.values()
        : io.doorman.policies.Action.values();
    for (Enum<?> e : values) {
      String name = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (name.equals(wire.trim())) {
        return e.ordinal();
      }
    }
    return -1;
  }

  Set<String> keys() {
    return keys.keySet();
  }

  Optional<Condition> parse(Node node) {
    if (!(node instanceof MappingNode)) {
      nodes.error(node, "a condition must be a mapping, e.g. 'note: absent'");
      return Optional.empty();
    }
    List<Condition> parts = new ArrayList<>();
    boolean ok = true;
    for (NodeTuple t : nodes.mapping(node, "a condition")) {
      String key = Nodes.key(t);
      Function<Node, Optional<Condition>> reader = keys.get(key);
      if (reader == null) {
        nodes.unknownKey(t.getKeyNode(), "condition", key, keys.keySet());
        ok = false;
        continue;
      }
      Optional<Condition> c = reader.apply(t.getValueNode());
      c.ifPresent(parts::add);
      ok &= c.isPresent();
    }
    if (parts.isEmpty() && ok) {
      nodes.error(node, "empty condition");
      return Optional.empty();
    }
    return ok ? Optional.of(Conditions.all(parts)) : Optional.empty();
  }

  private Optional<Condition> combine(
      Node value, String what, Function<List<Condition>, Condition> make) {
    List<Node> items = nodes.sequence(value, "'" + what + "'");
    if (items.isEmpty()) {
      nodes.error(value, "'" + what + "' needs at least one condition");
      return Optional.empty();
    }
    List<Condition> parts = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      Optional<Condition> c = parse(item);
      c.ifPresent(parts::add);
      ok &= c.isPresent();
    }
    return ok ? Optional.of(make.apply(parts)) : Optional.empty();
  }

  private Optional<Condition> note(Node value) {
    Optional<String> s = nodes.scalar(value, "note");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.get().equals("absent") || s.get().equals("present")) {
      return Optional.of(Conditions.note(s.get().equals("present")));
    }
    nodes.error(value, "note must be 'absent' or 'present', not '" + s.get() + "'");
    return Optional.empty();
  }

  private Optional<Condition> length(Node value, Field field) {
    return comparison(value).map(c -> Conditions.length(field, c));
  }

  private Optional<Comparison> comparison(Node value) {
    Optional<String> s = nodes.scalar(value, "a comparison");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Comparison.parse(s.get()));
    } catch (IllegalArgumentException e) {
      nodes.error(value, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<Condition> keywords(Node value, List<Field> fields) {
    return phraseIds(value).map(ids -> Conditions.keywords(fields, ids));
  }

  private Optional<Condition> denies(Node value, List<Field> fields) {
    return phraseIds(value).map(ids -> Conditions.denies(fields, ids));
  }

  /** {@code sentence: {has: [...], and: [...], without: [...]}}: within one sentence. */
  private Optional<Condition> sentence(Node value) {
    Map<String, int[]> parts = new LinkedHashMap<>();
    boolean ok = true;
    for (NodeTuple t : nodes.mapping(value, "sentence")) {
      String key = Nodes.key(t);
      if (!SENTENCE_KEYS.contains(key)) {
        nodes.unknownKey(t.getKeyNode(), "sentence key", key, SENTENCE_KEYS);
        ok = false;
        continue;
      }
      Optional<int[]> ids = phraseIds(t.getValueNode());
      ids.ifPresent(i -> parts.put(key, i));
      ok &= ids.isPresent();
    }
    if (ok && !parts.containsKey("has")) {
      nodes.error(value, "'sentence' needs 'has': the phrases one sentence must say");
      return Optional.empty();
    }
    return ok ? Optional.of(Conditions.sentence(Field.NOTE, parts.get("has"),
        Optional.ofNullable(parts.get("and")), Optional.ofNullable(parts.get("without"))))
        : Optional.empty();
  }

  /**
   * A phrase, a list of phrases, or a mapping from language to phrases, registered in the
   * policy's vocabulary.
   */
  private Optional<int[]> phraseIds(Node value) {
    List<Node> phrases = new ArrayList<>();
    if (value instanceof MappingNode) {
      for (NodeTuple t : nodes.mapping(value, "keywords")) {
        String lang = Nodes.key(t);
        if (!KEYWORD_LANGUAGES.contains(lang)) {
          nodes.unknownKey(t.getKeyNode(), "keyword language", lang, KEYWORD_LANGUAGES);
          return Optional.empty();
        }
        phrases.addAll(nodes.oneOrMany(t.getValueNode()));
      }
    } else {
      phrases.addAll(nodes.oneOrMany(value));
    }
    List<Integer> ids = new ArrayList<>();
    boolean ok = true;
    for (Node p : phrases) {
      Optional<String> s = nodes.scalar(p, "a keyword");
      if (s.isEmpty()) {
        ok = false;
        continue;
      }
      try {
        ids.add(vocabulary.add(s.get()));
      } catch (IllegalArgumentException e) {
        nodes.error(p, e.getMessage());
        ok = false;
      }
    }
    if (ok && ids.isEmpty()) {
      nodes.error(value, "no keywords given");
      return Optional.empty();
    }
    return ok ? Optional.of(ids.stream().mapToInt(Integer::intValue).toArray()) : Optional.empty();
  }

  /**
   * RE2 syntax, compiled by RE2/J: matching takes time linear in the text. Constructs only a
   * backtracking engine has are refused at the character where they stand, and so are patterns
   * whose compiled program exceeds the limits.
   */
  private Optional<Condition> regex(Node value, Field field) {
    List<Condition> any = new ArrayList<>();
    for (Node p : nodes.oneOrMany(value)) {
      Optional<String> s = nodes.scalar(p, "a regular expression");
      if (s.isEmpty()) {
        return Optional.empty();
      }
      Optional<Pattern> pattern = compile(p, s.get());
      if (pattern.isEmpty()) {
        return Optional.empty();
      }
      any.add(Conditions.matches(field, pattern.get()));
    }
    return Optional.of(any.size() == 1 ? any.get(0) : Conditions.any(any));
  }

  private Optional<Pattern> compile(Node node, String regex) {
    if (regex.length() > Limits.MAX_PATTERN_CHARS) {
      nodes.error(node, "regular expression of " + regex.length() + " characters; the limit is "
          + Limits.MAX_PATTERN_CHARS + " (use keywords for long lists of words)");
      return Optional.empty();
    }
    Optional<RegexCheck.Problem> backtracking = RegexCheck.backtracking(regex);
    if (backtracking.isPresent()) {
      nodes.errors().add(nodes.at(node, backtracking.get().offset()).error(
          backtracking.get().message() + ", which needs a backtracking engine: regular"
              + " expressions here are RE2 syntax and run in linear time (see docs/POLICY.md)"));
      return Optional.empty();
    }
    long estimate = RegexCheck.estimatedSize(regex);
    if (estimate > 4L * Limits.MAX_PROGRAM) {
      nodes.error(node, tooLarge(regex, estimate));
      return Optional.empty();
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      nodes.error(node, "bad regular expression '" + regex + "': " + e.getDescription());
      return Optional.empty();
    }
    int size = pattern.programSize();
    if (size > Limits.MAX_PROGRAM) {
      nodes.error(node, tooLarge(regex, size));
      return Optional.empty();
    }
    int programUsed = nodes.addProgram(size);
    if (programUsed > Limits.MAX_PROGRAM_PER_FILE) {
      nodes.error(node, "the regular expressions of this file compile to " + programUsed
          + " instructions so far; the limit is " + Limits.MAX_PROGRAM_PER_FILE
          + " (use keywords, which cost nothing per rule)");
      return Optional.empty();
    }
    return Optional.of(pattern);
  }

  private static String tooLarge(String regex, long size) {
    return "regular expression '" + (regex.length() > 60 ? regex.substring(0, 60) + "…" : regex)
        + "' compiles to about " + size + " instructions; the limit is " + Limits.MAX_PROGRAM
        + " (large counted repeats such as {1000} multiply)";
  }

  private Optional<Condition> mutual(Node value) {
    Optional<String> s = nodes.scalar(value, "mutualConnections");
    if (s.isPresent() && s.get().trim().equals("unknown")) {
      return Optional.of(Conditions.mutualConnections(null));
    }
    return s.isEmpty() ? Optional.empty() : comparison(value).map(Conditions::mutualConnections);
  }

  private Optional<Condition> authenticity(Node value) {
    Set<Authenticity> set = EnumSet.noneOf(Authenticity.class);
    for (Node n : nodes.oneOrMany(value)) {
      Optional<String> s = nodes.scalar(n, "authenticity");
      if (s.isEmpty()) {
        return Optional.empty();
      }
      Optional<Authenticity> a =
          EnumSet.allOf(Authenticity.class).stream()
              .filter(x -> x.wireName().equals(s.get()))
              .findFirst();
      if (a.isEmpty()) {
        nodes.error(n, "authenticity must be linkedin, unverified or spoofed, not '" + s.get() + "'");
        return Optional.empty();
      }
      set.add(a.get());
    }
    return Optional.of(Conditions.authenticity(set));
  }

  private Optional<Condition> language(Node value) {
    Set<Language> set = EnumSet.noneOf(Language.class);
    for (Node n : nodes.oneOrMany(value)) {
      Optional<String> s = nodes.scalar(n, "language");
      if (s.isEmpty()) {
        return Optional.empty();
      }
      Optional<Language> l =
          EnumSet.allOf(Language.class).stream().filter(x -> x.code().equals(s.get())).findFirst();
      if (l.isEmpty()) {
        nodes.error(n, "language must be one of en, de, fr, es, pt, it, nl, id, not '" + s.get()
            + "'");
        return Optional.empty();
      }
      set.add(l.get());
    }
    return Optional.of(Conditions.language(set));
  }

  private Optional<Condition> senderIn(Node value) {
    return foldedList(value, "senderIn").map(Conditions::nameIn);
  }

  private Optional<Condition> recipientIn(Node value) {
    return foldedList(value, "recipientIn").map(Conditions::recipientIn);
  }

  private Optional<Condition> domainIn(Node value) {
    Set<String> domains = new HashSet<>();
    for (Node n : nodes.oneOrMany(value)) {
      Optional<String> s = nodes.scalar(n, "a domain");
      if (s.isEmpty()) {
        return Optional.empty();
      }
      domains.add(s.get().trim().toLowerCase(Locale.ROOT).replaceFirst("^@", ""));
    }
    return Optional.of(Conditions.domainIn(domains));
  }

  private Optional<Set<String>> foldedList(Node value, String what) {
    Set<String> out = new HashSet<>();
    for (Node n : nodes.oneOrMany(value)) {
      Optional<String> s = nodes.scalar(n, what);
      if (s.isEmpty()) {
        return Optional.empty();
      }
      out.add(FoldedText.fold(s.get()));
    }
    return Optional.of(out);
  }

  /** {@code ">= 3 within 7d"}. */
  private Optional<Condition> teamInvites(Node value) {
    Optional<String> s = nodes.scalar(value, "sameSenderInvitedTeammates");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = TEAM.matcher(s.get());
    if (!m.matches()) {
      nodes.error(value, "sameSenderInvitedTeammates must read like '>= 3 within 7d', not '"
          + s.get() + "'");
      return Optional.empty();
    }
    try {
      return Optional.of(Conditions.sameSenderInvitedTeammates(
          Comparison.parse(m.group(1)), Duration.ofDays(Long.parseLong(m.group(2)))));
    } catch (IllegalArgumentException e) {
      nodes.error(value, e.getMessage());
      return Optional.empty();
    }
  }
}
