package io.doorman.cli.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.doorman.cli.EmailInputs;
import io.doorman.cli.store.StoreOptions;
import io.doorman.ingest.MailReader;
import io.doorman.learning.LearningStore;
import io.doorman.learning.Retraining;
import io.doorman.learning.StoredModels;
import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.engine.Evaluation;
import io.doorman.policies.engine.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code doorman policy evaluate [--policy FILE] [--labels FILE.jsonl] [--learned] [PATH...]}:
 * shadow mode.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Shadow mode: replays invitations through a policy and says how far it agrees with people,"
          + " deciding nothing. With PATHs and --labels, the labelled emails (JSON Lines keyed by"
          + " source, as shared/corpus/labels.jsonl); without PATHs, the store's invitations that"
          + " people decided (actions) or corrected (categories).",
      "Prints agreement, confusion matrices by category and by action, the rules that misfire"
          + " most, and the disagreements, most confident first.",
      "Exit status: 0 evaluated, 1 a bad policy or some input unreadable, 2 bad usage."
    })
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--policy", paramLabel = "FILE",
      description = "A policy file layered on the default policy (default: the default policy).")
  Path policyFile;

  @Option(names = "--labels", paramLabel = "FILE.jsonl",
      description = "Labels of the emails given as PATHs.")
  Path labels;

  @Option(names = "--learned",
      description = "Consult the store's active learned models, as doorman run does.")
  boolean learned;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "Disagreements to print (default 20).")
  int limit;

  @Mixin StoreOptions storeOptions;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Emails: .eml files, directories, mbox files (needs --labels).")
  List<String> paths = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!paths.isEmpty() && labels == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "emails to evaluate need --labels FILE.jsonl");
    }
    if (paths.isEmpty() && labels != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--labels needs the emails they label (PATH...)");
    }
    Optional<Policy> loaded = PolicyFiles.loadOrReport(Optional.ofNullable(policyFile), err);
    if (loaded.isEmpty()) {
      return 1;
    }
    Policy policy = loaded.get();
    String what = policyFile == null ? "the default policy" : "the default policy + " + policyFile;
    List<Evaluation.Case> cases;
    int problems = 0;
    if (paths.isEmpty() || learned) {
      try (StoreOptions.Opened opened = storeOptions.open()) {
        LearningStore store = new LearningStore(opened.database());
        if (learned) {
          StoredModels models = new StoredModels(store);
          policy = policy.withLearning(models);
          what += models.models().isEmpty() ? " (no learned model in the store)"
              : " with " + String.join(", ", models.models().stream()
                  .map(m -> m.model().info().label()).toList());
        }
        cases = paths.isEmpty() ? fromStore(store) : List.of();
      }
    } else {
      cases = List.of();
    }
    if (!paths.isEmpty()) {
      Map<String, JsonObject> byKey;
      try {
        byKey = labels(labels);
      } catch (IOException e) {
        err.println("doorman: " + labels + ": cannot read: " + e.getMessage());
        return 1;
      }
      List<Evaluation.Case> fromEmails = new ArrayList<>();
      int[] unlabelled = {0};
      problems = EmailInputs.read(paths, new MailReader(), err, (mail, notifications) -> {
        for (var n : notifications) {
          if (n instanceof Invitation i) {
            JsonObject label = byKey.get(key(i.origin().source()));
            if (label == null) {
              unlabelled[0]++;
              continue;
            }
            fromEmails.add(new Evaluation.Case(key(i.origin().source()), i, TeamSignals.NONE,
                category(label.get("category")), action(label.get("action"))));
          }
        }
      });
      cases = fromEmails;
      what += ", on " + labels;
      if (unlabelled[0] > 0) {
        err.println("doorman: " + unlabelled[0] + " invitations have no label in " + labels);
      }
    } else {
      what += ", on the store's decisions and corrections";
    }
    Evaluation.Report report = Evaluation.run(policy, cases);
    new ReportText(out, limit).print(what, report);
    out.flush();
    return problems == 0 ? 0 : 1;
  }

  private static List<Evaluation.Case> fromStore(LearningStore store) {
    Map<Long, Evaluation.Case> byId = new LinkedHashMap<>();
    for (LearningStore.Decided d : store.decisions(Optional.empty())) {
      byId.put(d.id(), new Evaluation.Case("invitation " + d.id(), d.invitation(),
          TeamSignals.NONE, Optional.empty(), Optional.of(Retraining.action(d.decision()))));
    }
    for (LearningStore.Corrected c : store.corrections(Optional.empty())) {
      Evaluation.Case had = byId.get(c.id());
      byId.put(c.id(), new Evaluation.Case("invitation " + c.id(), c.invitation(),
          TeamSignals.NONE, Optional.of(c.category()),
          had == null ? Optional.empty() : had.action()));
    }
    return new ArrayList<>(byId.values());
  }

  /** The labels by source key; only invitations'. */
  static Map<String, JsonObject> labels(Path file) throws IOException {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      if (o.has("kind") && !o.get("kind").isJsonNull()
          && !o.get("kind").getAsString().equals("invitation")) {
        continue;
      }
      out.put(key(o.get("source").getAsString()), o);
    }
    return out;
  }

  /** A source as labels name it: the file name, and #N within an mbox or digest. */
  static String key(String source) {
    int hash = source.indexOf('#');
    String path = hash < 0 ? source : source.substring(0, hash);
    String fragment = hash < 0 ? "" : source.substring(hash);
    return Path.of(path).getFileName() + fragment;
  }

  private static Optional<Category> category(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    for (Category c : Category.values()) {
      if (c.wireName().equals(e.getAsString())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Optional<Action> action(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return Optional.empty();
    }
    for (Action a : Action.values()) {
      if (a.wireName().equals(e.getAsString().toLowerCase(Locale.ROOT))) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
