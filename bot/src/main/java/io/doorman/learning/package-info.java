/**
 * Learning each team's taste: the store's side of {@code policies.learning}. {@link
 * io.doorman.learning.LearningStore} reads what people decided and corrected and keeps versioned
 * models (V15, V16); {@link io.doorman.learning.Retraining} trains a team's model from them (for
 * {@code doorman learn} and the nightly retrain); {@link io.doorman.learning.StoredModels} is the
 * {@code Learning} a running policy consults.
 */
package io.doorman.learning;
