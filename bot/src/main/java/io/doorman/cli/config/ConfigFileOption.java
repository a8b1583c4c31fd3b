package io.doorman.cli.config;

import io.doorman.config.ConfigException;
import io.doorman.config.Configuration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, and loading the configuration it names with the environment. */
public final class ConfigFileOption {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (default: ./doorman.properties when present).")
  Path file;

  /** The environment the configuration is read from; tests replace it. */
  static Map<String, String> environment = System.getenv();

  /** The configuration, or empty after printing each problem on {@code err}. */
  public Optional<Configuration> loadOrReport(PrintWriter err) {
    try {
      return Optional.of(Configuration.load(environment, Optional.ofNullable(file), Path.of("")));
    } catch (ConfigException e) {
      e.problems().forEach(p -> err.println("doorman: " + p));
      return Optional.empty();
    }
  }
}
