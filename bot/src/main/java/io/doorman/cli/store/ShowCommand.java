package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.store.Invitations;
import io.doorman.store.StoredInvitation;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code doorman show ID}: one invitation, its verdict, answers and history. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one invitation with its answers and history.")
public final class ShowCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Parameters(paramLabel = "ID", description = "The invitation's id (see doorman list).")
  long id;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (StoreOptions.Opened opened = storeOptions.open()) {
      Invitations store = opened.invitations();
      Optional<StoredInvitation> found = store.find(id);
      if (found.isEmpty()) {
        spec.commandLine().getErr().println("doorman: no invitation " + id);
        return 1;
      }
      Describe.full(spec.commandLine().getOut(), found.get(), store.question(id), store.answers(id), store.history(id));
      return 0;
    }
  }
}
