/**
 * The policy engine: {@link io.doorman.policies.engine.PolicyLoader} layers the built-in default
 * policy, a team file and per-recipient overrides into a {@link
 * io.doorman.policies.engine.Policy}, which classifies invitations and answers without I/O and
 * explains each decision.
 */
package io.doorman.policies.engine;
