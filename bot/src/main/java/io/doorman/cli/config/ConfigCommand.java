package io.doorman.cli.config;

import io.doorman.app.Plan;
import io.doorman.cli.Verbosity;
import io.doorman.config.Configuration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code doorman config check [--config FILE]}. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Shows the configuration.",
    subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: check");
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Prints every setting in effect, its value (secrets masked) and where it came from",
        "(environment DOORMAN_…, the properties file, or the default), then what doorman run would start.",
        "Exit status: 0 usable, 2 some setting is wrong (each named on stderr)."
      })
  static final class Check implements Callable<Integer> {

    @Mixin Verbosity verbosity;
    @Mixin ConfigFileOption configFile;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Optional<Configuration> loaded = configFile.loadOrReport(spec.commandLine().getErr());
      if (loaded.isEmpty()) {
        return 2;
      }
      Configuration config = loaded.get();
      out.println("configuration file: "
          + config.file().map(Path::toString).orElse("none (no ./" + Configuration.DEFAULT_FILE + ")"));
      out.println();
      out.println(String.format(Locale.ROOT, "%-26s %-30s %s", "SETTING", "VALUE", "FROM"));
      for (Configuration.Entry e : config.entries()) {
        out.println(String.format(Locale.ROOT, "%-26s %-30s %s", e.setting().key(), e.shown(), e.origin()));
      }
      out.println();
      out.println("doorman run would start:");
      for (String line : new Plan(config).lines()) {
        out.println("  " + line);
      }
      for (String w : config.warnings()) {
        out.println("warning: " + w);
      }
      return 0;
    }
  }
}
