package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.store.Cursor;
import io.doorman.store.Filter;
import io.doorman.store.Invitations;
import io.doorman.store.Page;
import io.doorman.store.StoredInvitation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
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

  /** Invitations read at once; the rest page by page. */
  private static final int PAGE = 100;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.Opened opened = storeOptions.open()) {
      Invitations store = opened.invitations();
      Filter sender = Filter.ALL.sender(String.join(" ", name));
      boolean any = false;
      Optional<Cursor> after = Optional.empty();
      do {
        Page<StoredInvitation> page = store.page(sender, Invitations.Order.OLDEST_FIRST, after, PAGE);
        for (StoredInvitation i : page.items()) {
          Describe.full(out, i, store.question(i.id()), store.answers(i.id()), store.history(i.id()));
          out.println();
          any = true;
        }
        after = page.next();
      } while (after.isPresent());
      if (!any) {
        out.println("Nobody called '" + String.join(" ", name) + "' is known.");
        return 1;
      }
      return 0;
    }
  }
}
