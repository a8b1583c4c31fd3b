package io.doorman.policies.language;

import java.util.Map;
import java.util.Optional;

/**
 * A later layer's change to an earlier rule: switch it off (or on again), or give it new points
 * ({@code score}: category or reply-class wire name to points, checked when layers are merged).
 */
public record OverrideSpec(
    String ruleId, Optional<Boolean> enabled, Optional<Map<String, Integer>> score, Position at) {}
