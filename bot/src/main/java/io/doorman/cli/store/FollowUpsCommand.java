package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.cli.policy.PolicyFiles;
import io.doorman.decisions.FollowUps;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Invitations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code doorman followups [--as-of DATE] [--run]}: questions nobody answered in time. */
@Command(
    name = "followups",
    mixinStandardHelpOptions = true,
    description = {
      "Lists invitations whose \"Have we met?\" has gone unanswered for the policy's followUpAfter (default 10 days).",
      "With --run, moves them to follow_up now (and declines those past autoDeclineAfter, if the policy sets it)."
    })
public final class FollowUpsCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--as-of", paramLabel = "DATE", description = "List what is due on this day (YYYY-MM-DD) instead of now.")
  LocalDate asOf;

  @Option(names = "--run", description = "Fire what is due now.")
  boolean run;

  @Option(names = "--policy", paramLabel = "FILE", description = "A policy file layered on the default policy.")
  Path policyFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** How many due follow-ups the list shows at most. */
  static final int SHOWN = 1_000;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<Policy> loaded = PolicyFiles.loadOrReport(Optional.ofNullable(policyFile), spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 1;
    }
    Policy policy = loaded.get();
    try (StoreOptions.Opened opened = storeOptions.open()) {
      Invitations store = opened.invitations();
      FollowUps followUps = opened.followUps(policy);
      if (run) {
        FollowUps.Run done = followUps.runDue();
        out.println(done.followedUp() + " followed up, " + done.declined() + " declined");
        return 0;
      }
      Instant at = asOf == null ? Instant.now() : asOf.atStartOfDay(ZoneOffset.UTC).plusDays(1).toInstant().minusNanos(1);
      List<Long> due = followUps.dueAt(at, SHOWN + 1);
      out.println(Describe.header());
      for (long id : due.subList(0, Math.min(SHOWN, due.size()))) {
        store.find(id).ifPresent(i -> out.println(Describe.row(i)));
      }
      if (due.size() > SHOWN) {
        out.println("(the first " + SHOWN + " of more; --run makes them all)");
      }
      return 0;
    }
  }
}
