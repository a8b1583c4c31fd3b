/**
 * Decisions: the one application service every channel calls ({@link
 * io.doorman.decisions.Decisions}), the policy's automatic ones ({@link
 * io.doorman.decisions.FollowUps}) and the one rendering of the texts a person sends on LinkedIn
 * ({@link io.doorman.decisions.Questions}). The rule of which decision may be made from which
 * state is {@link io.doorman.lifecycle.Decision#allowedFrom}.
 */
package io.doorman.decisions;
