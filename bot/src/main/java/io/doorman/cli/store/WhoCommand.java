package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.store.InvitationStore;
import io.doorman.store.StoredInvitation;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code doorman who NAME}: everything Doorman knows about how you know someone. */
@Command(
    name = "who",
    mixinStandardHelpOptions = true,
    description = "Everything Doorman knows about a person: invitation, note, decision and who made it, question and answer.")
public final class WhoCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The person's name, or part of it.")
  List<String> name;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.Opened opened = storeOptions.open()) {
      InvitationStore store = opened.store();
      List<StoredInvitation> found = store.who(String.join(" ", name));
      if (found.isEmpty()) {
        out.println("Nobody called '" + String.join(" ", name) + "' is known.");
        return 1;
      }
      for (StoredInvitation i : found) {
        Describe.full(out, i, store.question(i.id()), store.messages(OptionalLong.of(i.id())), store.history(i.id()));
        out.println();
      }
      return 0;
    }
  }
}
