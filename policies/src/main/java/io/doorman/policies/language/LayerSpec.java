package io.doorman.policies.language;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Language;
import io.doorman.policies.ReplyClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One policy file (a layer): everything it sets; what it leaves out comes from earlier layers.
 *
 * @param autoDeclineAfter empty when not set here; a present empty value means "off"
 * @param templates message templates by name ({@code clarifyingQuestion}, {@code followUp}) and
 *     language
 * @param recipients per-recipient layers, keyed by the recipient's name or address as written
 */
public record LayerSpec(
    String file,
    List<RuleSpec> rules,
    List<RuleSpec> replyRules,
    List<OverrideSpec> overrides,
    Map<Category, Action> actions,
    Map<ReplyClass, Action> replyActions,
    Optional<ReplyClass> replyFallback,
    Optional<Duration> followUpAfter,
    Optional<Optional<Duration>> autoDeclineAfter,
    Map<String, Map<Language, String>> templates,
    Map<String, LayerSpec> recipients) {

  public LayerSpec {
    rules = List.copyOf(rules);
    replyRules = List.copyOf(replyRules);
    overrides = List.copyOf(overrides);
    actions = Map.copyOf(actions);
    replyActions = Map.copyOf(replyActions);
    templates = Map.copyOf(templates);
    recipients = Map.copyOf(recipients);
  }
}
