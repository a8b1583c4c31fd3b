/**
 * A small, explainable model learned from a team's decisions: multinomial logistic regression
 * over a note's and a headline's words and word pairs (read with {@code rules.Facts}: stemmed in
 * the note's language, negations marked), mutual connections, authenticity, the headline's role
 * and the team's signals, with a few crosses of these. Two heads: the category and the action.
 *
 * <p>{@link io.doorman.policies.learning.Trainer} trains it, deterministically, on the built-in
 * {@link io.doorman.policies.learning.SeedSet} and on {@link io.doorman.policies.learning.Example}s
 * of the team's decisions weighted by recency; a {@link io.doorman.policies.learning.Model} is a
 * {@code rules.Predictor}, which the policy consults only through {@code learned} conditions and
 * points. Pure: examples in, a model (and its bytes) out.
 */
package io.doorman.policies.learning;
