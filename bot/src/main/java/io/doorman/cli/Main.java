package io.doorman.cli;

import picocli.CommandLine;

/** {@code java -jar doorman.jar …}: runs one command and exits with its status. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line; returns the exit status (0 ok, 1 some input unreadable, 2 bad usage). */
  public static int run(String... args) {
    return DoormanCommand.commandLine().execute(args);
  }
}
