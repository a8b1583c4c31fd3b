package io.doorman.policies.engine;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.ReplyClass;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The merged rules and action mappings for one recipient (or for everyone). */
record RuleBook(
    List<Rule> rules,
    List<Rule> replyRules,
    Map<Category, Action> actions,
    Map<ReplyClass, Action> replyActions,
    ReplyClass replyFallback) {

  RuleBook {
    rules = List.copyOf(rules);
    replyRules = List.copyOf(replyRules);
    actions = new EnumMap<>(actions);
    replyActions = new EnumMap<>(replyActions);
  }
}
