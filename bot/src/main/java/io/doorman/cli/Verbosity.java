package io.doorman.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code -v} / {@code -vv} on any command: the command line is quiet (warnings only) unless asked.
 */
public final class Verbosity {

  @CommandLine.Option(
      names = {"-v", "--verbose"},
      description = "Log more: -v for progress, -vv for debugging.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean[] verbose = new boolean[0];

  private Verbosity() {}

  static int applyThenRun(CommandLine.ParseResult parsed) {
    int level = 0;
    for (CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("-v")) {
        boolean[] flags = r.matchedOptionValue("-v", new boolean[0]);
        level = Math.max(level, flags.length);
      }
    }
    set(level);
    return new CommandLine.RunLast().execute(parsed);
  }

  static void set(int level) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level >= 2 ? Level.DEBUG : level == 1 ? Level.INFO : Level.WARN);
  }
}
