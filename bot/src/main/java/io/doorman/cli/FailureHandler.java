package io.doorman.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The last line of defence: an unexpected exception becomes one clear line on stderr and exit
 * status 1, never a stack trace (that goes to the log at debug level, shown with -vv).
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    log.debug("command failed", e);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println("doorman: " + message + " (run with -vv for details)");
    return 1;
  }
}
