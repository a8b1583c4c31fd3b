package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.learning.LearningStore;
import io.doorman.policies.Category;
import io.doorman.store.StoredInvitation;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doorman correct ID CATEGORY [--by WHO]}: "wrong category", with the right one. */
@Command(
    name = "correct",
    mixinStandardHelpOptions = true,
    description = {
      "Records that an invitation's category is wrong, and which one is right: a signal the next"
          + " doorman learn learns from. Decides nothing."
    })
public final class CorrectCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "ID", description = "The invitation's id.")
  long id;

  @Parameters(index = "1", paramLabel = "CATEGORY", description = "The right category.")
  String category;

  @Option(names = "--by", paramLabel = "WHO", description = "Who says so (default: your user name).")
  String by = System.getProperty("user.name", "console");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Category right = Arrays.stream(Category.values())
        .filter(c -> c.wireName().equals(category.strip())).findFirst()
        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
            "CATEGORY must be one of " + Arrays.stream(Category.values()).map(Category::wireName)
                .collect(Collectors.joining(", ")) + ", not '" + category + "'"));
    try (StoreOptions.Opened opened = storeOptions.open()) {
      Optional<StoredInvitation> inv = opened.invitations().find(id);
      if (inv.isEmpty()
          || !new LearningStore(opened.database()).correct(id, right, by, "console",
              Clock.systemUTC().instant())) {
        spec.commandLine().getErr().println("doorman: no invitation " + id);
        return 1;
      }
      spec.commandLine().getOut().println("invitation " + id + ": category " + right.wireName()
          + " noted (the policy said " + inv.get().category() + "); doorman learn learns from it");
      return 0;
    }
  }
}
