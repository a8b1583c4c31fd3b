/** The {@code doorman} command line: the entry point and the commands' shared options. */
package io.doorman.cli;
