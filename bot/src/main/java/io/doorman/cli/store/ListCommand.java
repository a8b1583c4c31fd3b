package io.doorman.cli.store;

import com.google.gson.stream.JsonWriter;
import io.doorman.cli.Verbosity;
import io.doorman.lifecycle.State;
import io.doorman.store.StoredInvitation;
import io.doorman.store.StoredMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code doorman list [--state S] [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists stored invitations, oldest first.")
public final class ListCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--state", paramLabel = "STATE", description = "Only this state: ${COMPLETION-CANDIDATES}.")
  State state;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Option(
      names = "--unmatched",
      description = "List the messages that answered no question instead (kept, never dropped).")
  boolean unmatched;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.Opened opened = storeOptions.open()) {
      if (unmatched) {
        printUnmatched(out, opened.store().messages(OptionalLong.empty()));
      } else {
        printInvitations(out, opened.store().list(Optional.ofNullable(state)));
      }
    }
    return 0;
  }

  private static void printUnmatched(PrintWriter out, List<StoredMessage> messages) {
    for (StoredMessage m : messages) {
      out.printf(
          "%6d  %s  %-24s %s%n",
          m.id(), m.receivedAt(), m.senderName(), m.body().replaceAll("\\s+", " "));
    }
  }

  private void printInvitations(PrintWriter out, List<StoredInvitation> all) throws IOException {
    if (!json) {
      out.println(Describe.header());
    }
    for (StoredInvitation i : all) {
      out.println(json ? json(i) : Describe.row(i));
    }
  }

  private static String json(StoredInvitation i) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonWriter w = new JsonWriter(s)) {
      w.setSerializeNulls(true);
      w.beginObject();
      w.name("id").value(i.id());
      w.name("state").value(i.state().name().toLowerCase(Locale.ROOT));
      w.name("stateBy").value(i.stateBy());
      w.name("stateAt").value(i.stateAt().toString());
      w.name("senderName").value(i.senderName());
      w.name("senderHeadline").value(i.senderHeadline().orElse(null));
      w.name("recipient").value(i.recipient().orElse(null));
      w.name("note").value(i.note().orElse(null));
      w.name("category").value(i.category());
      w.name("suggestedAction").value(i.suggestedAction());
      w.name("authenticity").value(i.authenticity());
      w.name("acceptUrl").value(i.acceptUrl().orElse(null));
      w.name("profileUrl").value(i.profileUrl().orElse(null));
      w.name("sightings").value(i.sightings());
      w.endObject();
    }
    return s.toString();
  }
}
