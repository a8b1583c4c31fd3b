package io.doorman.policies.engine;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Language;
import io.doorman.policies.ReplyClass;
import io.doorman.policies.language.LayerSpec;
import io.doorman.policies.language.OverrideSpec;
import io.doorman.policies.language.PolicyError;
import io.doorman.policies.language.PolicyException;
import io.doorman.policies.language.PolicyParser;
import io.doorman.policies.language.RuleSpec;
import io.doorman.policies.rules.FoldedText;
import io.doorman.policies.rules.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds a {@link Policy} from layers: the built-in default policy, then team files, then
 * per-recipient overrides. A later layer adds rules, switches earlier ones off or re-weights them by
 * id, and replaces actions, timings and templates.
 *
 * <pre>{@code
 * Policy policy = PolicyLoader.withDefaults().layer("team.yml", text).load();
 * }</pre>
 */
public final class PolicyLoader {

  /** The classpath resource holding the default policy. */
  public static final String DEFAULT_RESOURCE = "default-policy.yml";

  static final Supplier<Policy> DEFAULT = new Supplier<>() {
    private volatile Policy policy;

    @Override
    public Policy get() {
      if (policy == null) {
        try {
          policy = withDefaults().load();
        } catch (PolicyException e) {
          throw new IllegalStateException("the built-in default policy is broken:\n" + e.getMessage());
        }
      }
      return policy;
    }
  };

  private record Source(String file, String text, Optional<String> recipient) {}

  private final List<Source> sources = new ArrayList<>();

  private PolicyLoader() {}

  /** Starts from nothing: only the layers given (tests, or a policy written from scratch). */
  public static PolicyLoader empty() {
    return new PolicyLoader();
  }

  /** Starts from the built-in default policy. */
  public static PolicyLoader withDefaults() {
    PolicyLoader loader = new PolicyLoader();
    loader.sources.add(new Source(DEFAULT_RESOURCE, defaultText(), Optional.empty()));
    return loader;
  }

  /** The built-in default policy's text, as shipped. */
  public static String defaultText() {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a layer for everyone (e.g. the team's file). */
  public PolicyLoader layer(String file, String text) {
    sources.add(new Source(file, text, Optional.empty()));
    return this;
  }

  /** Adds a layer that applies only to invitations for this recipient (name or address). */
  public PolicyLoader recipientLayer(String recipient, String file, String text) {
    sources.add(new Source(file, text, Optional.of(recipient)));
    return this;
  }

  /**
   * Parses, checks and merges every layer.
   *
   * @throws PolicyException with every problem of every layer, each at its line and column
   */
  public Policy load() throws PolicyException {
    Vocabulary.Builder vocabulary = new Vocabulary.Builder();
    List<PolicyError> errors = new ArrayList<>();
    Merge everyone = new Merge();
    Map<String, LayerSpec> recipientLayers = new LinkedHashMap<>();
    Map<String, List<LayerSpec>> recipientFiles = new LinkedHashMap<>();
    Settings settings = new Settings();
    for (Source source : sources) {
      PolicyParser.Reading reading = PolicyParser.read(source.file(), source.text(), vocabulary);
      errors.addAll(reading.errors());
      if (reading.layer().isEmpty()) {
        continue;
      }
      LayerSpec layer = reading.layer().get();
      if (source.recipient().isPresent()) {
        recipientFiles.computeIfAbsent(FoldedText.fold(source.recipient().get()),
            k -> new ArrayList<>()).add(layer);
        continue;
      }
      everyone.apply(layer, errors);
      settings.apply(layer);
      layer.recipients().forEach((who, l) -> recipientLayers.put(FoldedText.fold(who), l));
    }
    Map<String, RuleBook> byRecipient = new LinkedHashMap<>();
    recipientLayers.forEach((who, l) -> recipientFiles.computeIfAbsent(who,
        k -> new ArrayList<>()).add(0, l));
    recipientFiles.forEach((who, layers) -> {
      Merge m = everyone.copy();
      layers.forEach(l -> m.apply(l, errors));
      byRecipient.put(who, m.book());
    });
    if (!errors.isEmpty()) {
      throw new PolicyException(errors);
    }
    return new Policy(vocabulary.build(), everyone.book(), byRecipient, settings.followUpAfter,
        settings.autoDeclineAfter, settings.templates);
  }

  /** Timings and templates: the last layer that sets one wins. */
  private static final class Settings {
    Duration followUpAfter = Duration.ofDays(10);
    Optional<Duration> autoDeclineAfter = Optional.empty();
    Map<String, Map<Language, String>> templates = new LinkedHashMap<>();

    void apply(LayerSpec layer) {
      layer.followUpAfter().ifPresent(d -> followUpAfter = d);
      layer.autoDeclineAfter().ifPresent(d -> autoDeclineAfter = d);
      layer.templates().forEach((name, byLanguage) -> {
        Map<Language, String> merged = new EnumMap<>(Language.class);
        merged.putAll(templates.getOrDefault(name, Map.of()));
        merged.putAll(byLanguage);
        templates.put(name, merged);
      });
    }
  }

  /** Rules and actions merged so far. */
  private static final class Merge {
    final Map<String, Rule> rules = new LinkedHashMap<>();
    final Map<String, Rule> replyRules = new LinkedHashMap<>();
    final Map<Category, Action> actions = new EnumMap<>(Category.class);
    final Map<ReplyClass, Action> replyActions = new EnumMap<>(ReplyClass.class);
    ReplyClass replyFallback = ReplyClass.NOT_MET;

    Merge() {
      actions.put(Category.PERSONAL, Action.ACCEPT);
      actions.put(Category.MUTUAL_INTRO, Action.ACCEPT);
      actions.put(Category.SHARED_INTEREST, Action.REVIEW);
      actions.put(Category.GENERIC_NOTE, Action.ASK);
      actions.put(Category.NO_NOTE, Action.ASK);
      actions.put(Category.SALES_PITCH, Action.DECLINE);
      actions.put(Category.LION, Action.DECLINE);
      actions.put(Category.SUSPICIOUS, Action.DECLINE);
      replyActions.put(ReplyClass.MET, Action.ACCEPT);
      replyActions.put(ReplyClass.MUTUAL_ACQUAINTANCE, Action.REVIEW);
      replyActions.put(ReplyClass.SHARED_INTEREST, Action.REVIEW);
      replyActions.put(ReplyClass.NOT_MET, Action.DECLINE);
      replyActions.put(ReplyClass.PITCH, Action.DECLINE);
    }

    Merge copy() {
      Merge m = new Merge();
      m.rules.putAll(rules);
      m.replyRules.putAll(replyRules);
      m.actions.putAll(actions);
      m.replyActions.putAll(replyActions);
      m.replyFallback = replyFallback;
      return m;
    }

    void apply(LayerSpec layer, List<PolicyError> errors) {
      add(layer.rules(), rules, errors);
      add(layer.replyRules(), replyRules, errors);
      for (OverrideSpec o : layer.overrides()) {
        override(o, errors);
      }
      actions.putAll(layer.actions());
      replyActions.putAll(layer.replyActions());
      layer.replyFallback().ifPresent(r -> replyFallback = r);
    }

    private void add(List<RuleSpec> specs, Map<String, Rule> into, List<PolicyError> errors) {
      for (RuleSpec r : specs) {
        Rule earlier = rules.containsKey(r.id()) ? rules.get(r.id()) : replyRules.get(r.id());
        if (earlier != null) {
          errors.add(r.at().error("rule id '" + r.id() + "' is already defined in "
              + earlier.file() + "; change it under 'overrides' instead"));
          continue;
        }
        into.put(r.id(), new Rule(r.id(), r.description(), r.condition(), r.outcome(),
            r.outcome().points(), true, r.at().file()));
      }
    }

    private void override(OverrideSpec o, List<PolicyError> errors) {
      Map<String, Rule> section = rules.containsKey(o.ruleId()) ? rules
          : replyRules.containsKey(o.ruleId()) ? replyRules : null;
      if (section == null) {
        errors.add(o.at().error("unknown rule id '" + o.ruleId() + "' in overrides"));
        return;
      }
      Rule rule = section.get(o.ruleId());
      if (o.score().isPresent()) {
        String[] labels = section == rules ? Policy.CATEGORY_LABELS : Policy.REPLY_LABELS;
        int[] points = new int[labels.length];
        for (Map.Entry<String, Integer> e : o.score().get().entrySet()) {
          int i = java.util.Arrays.asList(labels).indexOf(e.getKey());
          if (i < 0) {
            errors.add(o.at().error("rule '" + o.ruleId() + "' scores "
                + (section == rules ? "categories" : "reply classes") + "; '" + e.getKey()
                + "' is not one"));
            return;
          }
          points[i] = e.getValue();
        }
        rule = rule.withPoints(points);
      }
      if (o.enabled().isPresent()) {
        rule = rule.withEnabled(o.enabled().get());
      }
      section.put(o.ruleId(), rule);
    }

    RuleBook book() {
      return new RuleBook(new ArrayList<>(rules.values()), new ArrayList<>(replyRules.values()),
          actions, replyActions, replyFallback);
    }
  }
}
