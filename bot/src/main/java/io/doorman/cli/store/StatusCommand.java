package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.lifecycle.State;
import io.doorman.store.Invitations;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code doorman status}: how many invitations stand where. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Counts invitations per state and unmatched messages.")
public final class StatusCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.Opened opened = storeOptions.open()) {
      Invitations store = opened.invitations();
      Map<State, Integer> counts = store.countsByState();
      for (State s : State.values()) {
        if (s != State.NEW) {
          out.printf("%-10s %6d%n", s.name().toLowerCase(Locale.ROOT), counts.getOrDefault(s, 0));
        }
      }
      out.printf("%-10s %6d%n", "unmatched", store.countUnmatched());
      return 0;
    }
  }
}
