package io.doorman.cli;

import io.doorman.cli.classify.ClassifyCommand;
import io.doorman.cli.config.ConfigCommand;
import io.doorman.cli.run.RunCommand;
import io.doorman.cli.store.CorrectCommand;
import io.doorman.cli.store.DecideCommand;
import io.doorman.cli.store.FollowUpsCommand;
import io.doorman.cli.store.IngestCommand;
import io.doorman.cli.store.LearnCommand;
import io.doorman.cli.store.ListCommand;
import io.doorman.cli.store.ShowCommand;
import io.doorman.cli.store.StatusCommand;
import io.doorman.cli.store.WhoCommand;
import io.doorman.cli.policy.PolicyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code doorman} command; each job is a subcommand. */
@Command(
    name = "doorman",
    mixinStandardHelpOptions = true,
    versionProvider = DoormanCommand.Version.class,
    description = "Screens LinkedIn connection invitations from their notification emails.",
    subcommands = {
      ClassifyCommand.class,
      IngestCommand.class,
      ListCommand.class,
      ShowCommand.class,
      DecideCommand.class,
      CorrectCommand.class,
      StatusCommand.class,
      WhoCommand.class,
      FollowUpsCommand.class,
      LearnCommand.class,
      PolicyCommand.class,
      RunCommand.class,
      ConfigCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DoormanCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  /** The command line with Doorman's exit codes and error handling. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new DoormanCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(Verbosity::applyThenRun);
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = DoormanCommand.class.getPackage().getImplementationVersion();
      return new String[] {"doorman " + (version == null ? "(development build)" : version)};
    }
  }
}
