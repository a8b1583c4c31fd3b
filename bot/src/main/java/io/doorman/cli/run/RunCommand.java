package io.doorman.cli.run;

import io.doorman.app.Doorman;
import io.doorman.cli.Verbosity;
import io.doorman.cli.config.ConfigFileOption;
import io.doorman.config.ConfigException;
import io.doorman.config.Configuration;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code doorman run [--config FILE]}: everything configured, until Ctrl-C or SIGTERM. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Doorman: the store, the watched inbox directory, follow-ups, the console and health/metrics",
      "on one web server, and Slack, IMAP and SMTP when configured (see doorman config check).",
      "Ctrl-C or SIGTERM stops it gracefully: mail in hand is stored first, nothing is lost."
    })
public final class RunCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin ConfigFileOption configFile;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Configuration> config = configFile.loadOrReport(err);
    if (config.isEmpty()) {
      return 2;
    }
    Doorman doorman;
    try {
      doorman = Doorman.build(config.get(), Clock.systemDefaultZone());
    } catch (ConfigException e) {
      e.problems().forEach(p -> err.println("doorman: " + p));
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      out.println("stopping: finishing mail in hand…");
      out.flush();
      doorman.close();
      out.println("stopped");
      out.flush();
      stopped.countDown();
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    List<String> where;
    try {
      where = doorman.start();
    } catch (Exception e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      throw e;
    }
    where.forEach(out::println);
    out.println("Doorman is running; Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}
