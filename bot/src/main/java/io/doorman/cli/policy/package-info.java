/**
 * {@code doorman policy check} and {@code doorman policy explain}, and the loading of a policy file
 * named on the command line (also used by {@code doorman classify --policy}).
 */
package io.doorman.cli.policy;
