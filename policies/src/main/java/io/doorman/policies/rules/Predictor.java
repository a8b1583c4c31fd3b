package io.doorman.policies.rules;

/** A learned model as the policy's conditions see it. Stateless; safe to share between threads. */
public interface Predictor {

  Prediction predict(Facts facts);
}
