/**
 * The policy file language: reads a YAML policy file into a checked {@link
 * io.doorman.policies.language.LayerSpec}, reporting every problem as {@code file:line:column:
 * message} ({@link io.doorman.policies.language.PolicyError}) rather than stopping at the first.
 */
package io.doorman.policies.language;
