/**
 * Compiled conditions of a policy and the text matching they rest on.
 *
 * <p>Text is folded once per invitation ({@link io.doorman.policies.rules.FoldedText}: lower case,
 * accents stripped, split into words), and every keyword phrase of the whole policy is found in one
 * pass by a {@link io.doorman.policies.rules.Vocabulary}; a keyword condition then only tests bits.
 */
package io.doorman.policies.rules;
