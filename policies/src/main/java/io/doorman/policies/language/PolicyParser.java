package io.doorman.policies.language;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Language;
import io.doorman.policies.ReplyClass;
import io.doorman.policies.rules.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Reads one policy file (a layer). Pure: the caller supplies the text. */
public final class PolicyParser {

  private static final Set<String> FILE_KEYS =
      Set.of(
          "rules", "replyRules", "overrides", "actions", "replyActions", "replyFallback",
          "followUpAfter", "autoDeclineAfter", "templates", "recipients", "definitions");
  private static final Set<String> RECIPIENT_KEYS =
      Set.of("rules", "replyRules", "overrides", "actions", "replyActions", "definitions");
  private static final Set<String> RULE_KEYS = Set.of("id", "description", "if", "then");
  private static final Set<String> OUTCOME_KEYS =
      Set.of("score", "category", "action", "learned");
  private static final Set<String> OVERRIDE_KEYS = Set.of("enabled", "score");
  private static final Set<String> TEMPLATE_NAMES = Set.of("clarifyingQuestion", "followUp");
  private static final Set<String> PLACEHOLDERS = Set.of("firstName", "recipientFirstName");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,4})\\s*([dhw])");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private final Nodes nodes;
  private final Vocabulary.Builder vocabulary;
  private final Set<String> ruleIds = new HashSet<>();

  private PolicyParser(String file, String text, Vocabulary.Builder vocabulary) {
    this.nodes = new Nodes(file, text);
    this.vocabulary = vocabulary;
  }

  /**
   * Parses one policy file.
   *
   * @param file the name used in error messages, e.g. {@code team-policy.yml}
   * @param vocabulary collects the keywords of every layer of one policy
   * @throws PolicyException listing every problem found, each with line and column
   */
  public static LayerSpec parse(String file, String text, Vocabulary.Builder vocabulary)
      throws PolicyException {
    Reading r = read(file, text, vocabulary);
    if (!r.errors().isEmpty()) {
      throw new PolicyException(r.errors());
    }
    return r.layer().orElseThrow();
  }

  /**
   * What could be read of a file, and its problems: rules with errors are left out, so that later
   * checks (overrides of unknown rule ids) can still run and be reported together.
   *
   * @param layer empty only when the text is not YAML at all or is empty
   */
  public record Reading(Optional<LayerSpec> layer, List<PolicyError> errors) {}

  /** Reads a policy file as far as it can; see {@link #parse} for a strict reading. */
  public static Reading read(String file, String text, Vocabulary.Builder vocabulary) {
    if (text.length() > Limits.MAX_CHARS) {
      return new Reading(Optional.empty(), List.of(new PolicyError(file, 1, 1, "the file has "
          + text.length() + " characters; a policy file may have at most " + Limits.MAX_CHARS)));
    }
    PolicyParser parser = new PolicyParser(file, text, vocabulary);
    LoadSettings settings = LoadSettings.builder().setLabel(file).build();
    Optional<Node> root;
    try {
      Optional<PolicyError> tooDeep = tooDeep(file, text, settings);
      if (tooDeep.isPresent()) {
        return new Reading(Optional.empty(), List.of(tooDeep.get()));
      }
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(1);
      return new Reading(Optional.empty(),
          List.of(new PolicyError(file, line, column, "not valid YAML: " + e.getProblem())));
    } catch (YamlEngineException e) {
      return new Reading(Optional.empty(),
          List.of(new PolicyError(file, 1, 1, "not valid YAML: " + e.getMessage())));
    }
    if (root.isEmpty()) {
      return new Reading(Optional.empty(),
          List.of(new PolicyError(file, 1, 1, "the policy file is empty")));
    }
    LayerSpec layer = parser.layer(root.get(), FILE_KEYS);
    return new Reading(Optional.of(layer), List.copyOf(parser.nodes.errors()));
  }

  /**
   * Mappings and lists nested deeper than the limit, found from the stream of YAML events (which
   * needs no recursion) before the document is composed into a tree (which recurses).
   */
  private static Optional<PolicyError> tooDeep(String file, String text, LoadSettings settings) {
    int depth = 0;
    for (Event e : new Parse(settings).parseString(text)) {
      switch (e.getEventId()) {
        case MappingStart:
        case SequenceStart:
          if (++depth > Limits.MAX_DEPTH) {
            int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(1);
            int column = e.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
            return Optional.of(new PolicyError(file, line, column, "mappings and lists nested"
                + " more than " + Limits.MAX_DEPTH + " deep; nothing in Doorman's policy"
                + " language needs that many levels"));
          }
          break;
        case MappingEnd:
        case SequenceEnd:
          depth--;
          break;
        default:
          break;
      }
    }
    return Optional.empty();
  }

  private LayerSpec layer(Node node, Set<String> allowed) {
    List<RuleSpec> rules = new ArrayList<>();
    List<RuleSpec> replyRules = new ArrayList<>();
    List<OverrideSpec> overrides = new ArrayList<>();
    Map<Category, Action> actions = new EnumMap<>(Category.class);
    Map<ReplyClass, Action> replyActions = new EnumMap<>(ReplyClass.class);
    Optional<ReplyClass> replyFallback = Optional.empty();
    Optional<Duration> followUp = Optional.empty();
    Optional<Optional<Duration>> autoDecline = Optional.empty();
    Map<String, Map<Language, String>> templates = new LinkedHashMap<>();
    Map<String, LayerSpec> recipients = new LinkedHashMap<>();
    for (NodeTuple t : nodes.mapping(node, "a policy file")) {
      String key = Nodes.key(t);
      Node value = t.getValueNode();
      if (!allowed.contains(key)) {
        nodes.unknownKey(t.getKeyNode(), "key", key, allowed);
        continue;
      }
      switch (key) {
        case "rules":
          rules.addAll(rules(value, ConditionParser.Section.INVITATION));
          break;
        case "replyRules":
          replyRules.addAll(rules(value, ConditionParser.Section.REPLY));
          break;
        case "overrides":
          overrides.addAll(overrides(value));
          break;
        case "actions":
          actions.putAll(actionMap(value, Category.class));
          break;
        case "replyActions":
          replyActions.putAll(actionMap(value, ReplyClass.class));
          break;
        case "replyFallback":
          replyFallback = label(value, ReplyClass.class).map(i -> ReplyClass.values()[i]);
          break;
        case "followUpAfter":
          followUp = duration(value, false).flatMap(d -> d);
          break;
        case "autoDeclineAfter":
          autoDecline = duration(value, true);
          break;
        case "templates":
          templates.putAll(templates(value));
          break;
        case "recipients":
          for (NodeTuple r : nodes.mapping(value, "recipients")) {
            recipients.put(Nodes.key(r), layer(r.getValueNode(), RECIPIENT_KEYS));
          }
          break;
        default: // definitions: free-form, a place for YAML anchors
          break;
      }
    }
    return new LayerSpec(nodes.at(node).file(), rules, replyRules, overrides, actions,
        replyActions, replyFallback, followUp, autoDecline, templates, recipients);
  }

  private List<RuleSpec> rules(Node value, ConditionParser.Section section) {
    ConditionParser conditions = new ConditionParser(nodes, vocabulary, section);
    Class<? extends Enum<?>> labels =
        section == ConditionParser.Section.INVITATION ? Category.class : ReplyClass.class;
    List<RuleSpec> out = new ArrayList<>();
    for (Node item : nodes.sequence(value, "rules")) {
      rule(item, conditions, labels).ifPresent(out::add);
    }
    return out;
  }

  private Optional<RuleSpec> rule(
      Node node, ConditionParser conditions, Class<? extends Enum<?>> labels) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple t : nodes.mapping(node, "a rule")) {
      String key = Nodes.key(t);
      if (RULE_KEYS.contains(key)) {
        fields.put(key, t.getValueNode());
      } else {
        nodes.unknownKey(t.getKeyNode(), "rule key", key, RULE_KEYS);
      }
    }
    int before = nodes.errors().size();
    for (String required : List.of("id", "description", "if", "then")) {
      if (!fields.containsKey(required)) {
        nodes.error(node, "rule is missing '" + required + "'");
      }
    }
    if (nodes.errors().size() > before) {
      return Optional.empty();
    }
    Optional<String> id = nodes.scalar(fields.get("id"), "id");
    Optional<String> description = nodes.scalar(fields.get("description"), "description");
    if (id.isPresent() && !ID.matcher(id.get()).matches()) {
      nodes.error(fields.get("id"), "rule id '" + id.get()
          + "' must be lower-case letters, digits and dashes");
      return Optional.empty();
    }
    if (id.isPresent() && !ruleIds.add(id.get())) {
      nodes.error(fields.get("id"), "rule id '" + id.get() + "' is used twice in this file");
      return Optional.empty();
    }
    var condition = conditions.parse(fields.get("if"));
    Optional<OutcomeSpec> outcome = outcome(fields.get("then"), labels, true);
    if (id.isEmpty() || description.isEmpty() || condition.isEmpty() || outcome.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RuleSpec(
        id.get(), description.get(), condition.get(), outcome.get(), nodes.at(node)));
  }

  private Optional<OutcomeSpec> outcome(
      Node node, Class<? extends Enum<?>> labels, boolean allowForcing) {
    int[] points = new int[labels.getEnumConstants().length];
    OptionalInt forced = OptionalInt.empty();
    Optional<Action> action = Optional.empty();
    int learned = 0;
    int before = nodes.errors().size();
    boolean any = false;
    for (NodeTuple t : nodes.mapping(node, "'then'")) {
      String key = Nodes.key(t);
      if (!OUTCOME_KEYS.contains(key) || (!allowForcing && !key.equals("score"))) {
        nodes.unknownKey(t.getKeyNode(), "outcome", key, OUTCOME_KEYS);
        continue;
      }
      any = true;
      if (key.equals("score")) {
        for (NodeTuple s : nodes.mapping(t.getValueNode(), "score")) {
          Optional<Integer> label = label(s.getKeyNode(), labels);
          Optional<Integer> value = nodes.integer(s.getValueNode(), "points");
          if (label.isPresent() && value.isPresent()) {
            points[label.get()] = value.get();
          }
        }
      } else if (key.equals("category")) {
        Optional<Integer> label = label(t.getValueNode(), labels);
        forced = label.isPresent() ? OptionalInt.of(label.get()) : OptionalInt.empty();
      } else if (key.equals("learned") && labels != Category.class) {
        nodes.error(t.getKeyNode(), "learned points are for invitation rules (a model reads"
            + " invitations, not answers)");
      } else if (key.equals("learned")) {
        Optional<Integer> n = nodes.integer(t.getValueNode(), "learned points");
        if (n.isPresent() && (n.get() < 1 || n.get() > 20)) {
          nodes.error(t.getValueNode(), "learned points must be between 1 and 20, not " + n.get());
        } else if (n.isPresent()) {
          learned = n.get();
        }
      } else {
        action = enumValue(t.getValueNode(), Action.class);
      }
    }
    if (!any && nodes.errors().size() == before) {
      nodes.error(node, "'then' needs 'score', 'category', 'action' or 'learned'");
    }
    return nodes.errors().size() == before
        ? Optional.of(new OutcomeSpec(points, forced, action, learned))
        : Optional.empty();
  }

  private List<OverrideSpec> overrides(Node value) {
    List<OverrideSpec> out = new ArrayList<>();
    for (NodeTuple t : nodes.mapping(value, "overrides")) {
      Optional<Boolean> enabled = Optional.empty();
      Optional<Map<String, Integer>> outcome = Optional.empty();
      int before = nodes.errors().size();
      for (NodeTuple f : nodes.mapping(t.getValueNode(), "an override")) {
        String key = Nodes.key(f);
        if (key.equals("enabled")) {
          enabled = nodes.bool(f.getValueNode(), "enabled");
        } else if (key.equals("score")) {
          outcome = outcomeOfScore(f);
        } else {
          nodes.unknownKey(f.getKeyNode(), "override key", key, OVERRIDE_KEYS);
        }
      }
      if (nodes.errors().size() == before) {
        out.add(new OverrideSpec(Nodes.key(t), enabled, outcome, nodes.at(t.getKeyNode())));
      }
    }
    return out;
  }

  private Optional<Map<String, Integer>> outcomeOfScore(NodeTuple scoreEntry) {
    Map<String, Integer> raw = new LinkedHashMap<>();
    for (NodeTuple s : nodes.mapping(scoreEntry.getValueNode(), "score")) {
      nodes.integer(s.getValueNode(), "points").ifPresent(v -> raw.put(Nodes.key(s), v));
    }
    return Optional.of(raw);
  }

  private <E extends Enum<E>> Map<E, Action> actionMap(Node value, Class<E> labels) {
    Map<E, Action> out = new LinkedHashMap<>();
    for (NodeTuple t : nodes.mapping(value, "actions")) {
      Optional<Integer> label = label(t.getKeyNode(), labels);
      Optional<Action> action = enumValue(t.getValueNode(), Action.class);
      if (label.isPresent() && action.isPresent()) {
        out.put(labels.getEnumConstants()[label.get()], action.get());
      }
    }
    return out;
  }

  private Optional<Integer> label(Node node, Class<? extends Enum<?>> labels) {
    Optional<String> s = nodes.scalar(node, "a category");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    int i = wire(labels, s.get());
    if (i < 0) {
      String what = labels == Category.class ? "category" : "reply class";
      Set<String> known = new HashSet<>();
      for (Enum<?> e : labels.getEnumConstants()) {
        known.add(wireName(e));
      }
      nodes.unknownKey(node, what, s.get(), known);
      return Optional.empty();
    }
    return Optional.of(i);
  }

  private <E extends Enum<E>> Optional<E> enumValue(Node node, Class<E> type) {
    Optional<String> s = nodes.scalar(node, "an action");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(s.get())) {
        return Optional.of(e);
      }
    }
    nodes.error(node, "action must be accept, ask, decline or review, not '" + s.get() + "'");
    return Optional.empty();
  }

  /** {@code 10d}, {@code 36h}, {@code 2w}; with {@code offAllowed}, also {@code off}. */
  private Optional<Optional<Duration>> duration(Node node, boolean offAllowed) {
    Optional<String> s = nodes.scalar(node, "a duration");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String text = s.get().trim().toLowerCase(Locale.ROOT);
    if (offAllowed && (text.equals("off") || text.equals("false"))) {
      return Optional.of(Optional.empty());
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      nodes.error(node, "duration must read like '10d', '36h' or '2w'"
          + (offAllowed ? " (or 'off')" : "") + ", not '" + s.get() + "'");
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    Duration d = m.group(2).equals("h") ? Duration.ofHours(n)
        : m.group(2).equals("w") ? Duration.ofDays(7 * n) : Duration.ofDays(n);
    return Optional.of(Optional.of(d));
  }

  private Map<String, Map<Language, String>> templates(Node value) {
    Map<String, Map<Language, String>> out = new LinkedHashMap<>();
    for (NodeTuple t : nodes.mapping(value, "templates")) {
      String name = Nodes.key(t);
      if (!TEMPLATE_NAMES.contains(name)) {
        nodes.unknownKey(t.getKeyNode(), "template", name, TEMPLATE_NAMES);
        continue;
      }
      Map<Language, String> byLanguage = new EnumMap<>(Language.class);
      for (NodeTuple l : nodes.mapping(t.getValueNode(), "a template")) {
        Optional<Language> lang = java.util.Arrays.stream(Language.values())
            .filter(x -> x.code().equals(Nodes.key(l))).findFirst();
        if (lang.isEmpty()) {
          nodes.unknownKey(l.getKeyNode(), "template language", Nodes.key(l),
              Set.of("en", "de", "fr", "es", "pt", "it", "nl", "id"));
          continue;
        }
        nodes.scalar(l.getValueNode(), "a template").ifPresent(text -> {
          checkPlaceholders(l.getValueNode(), text);
          byLanguage.put(lang.get(), text);
        });
      }
      out.put(name, byLanguage);
    }
    return out;
  }

  private void checkPlaceholders(Node node, String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        nodes.error(node, "unknown placeholder '{" + m.group(1)
            + "}' (use {firstName} or {recipientFirstName})");
      }
    }
  }

  private static int wire(Class<? extends Enum<?>> labels, String name) {
    for (Enum<?> e : labels.getEnumConstants()) {
      if (wireName(e).equals(name)) {
        return e.ordinal();
      }
    }
    return -1;
  }

  private static String wireName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
