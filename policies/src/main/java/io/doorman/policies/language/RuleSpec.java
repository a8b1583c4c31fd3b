package io.doorman.policies.language;

import io.doorman.policies.rules.Condition;

/** One rule as written in a policy file, its condition already compiled. */
public record RuleSpec(
    String id, String description, Condition condition, OutcomeSpec outcome, Position at) {}
