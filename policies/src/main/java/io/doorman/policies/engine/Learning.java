package io.doorman.policies.engine;

import io.doorman.policies.rules.Predictor;
import java.util.Optional;

/**
 * Where a policy finds the learned model for an invitation: the model of the team its recipient
 * belongs to, or none. Supplied by the caller (the store keeps the models); a model enters the
 * verdict only through {@code learned} conditions and points.
 */
public interface Learning {

  /** No model: {@code learned} conditions never hold and add no points. */
  Learning NONE = recipient -> Optional.empty();

  Optional<Predictor> predictorFor(Optional<String> recipient);
}
