/** {@code doorman classify}: read emails, print each notification and its verdict. */
package io.doorman.cli.classify;
