package io.doorman.cli.store;

import com.google.gson.stream.JsonWriter;
import io.doorman.cli.Verbosity;
import io.doorman.lifecycle.State;
import io.doorman.store.Cursor;
import io.doorman.store.Filter;
import io.doorman.store.Invitations;
import io.doorman.store.Page;
import io.doorman.store.StoredInvitation;
import io.doorman.store.StoredMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doorman list [--state S] [--category C] [--recipient R] [--text T] [--limit N] [--after
 * CURSOR] [--json]}: invitations in state order, the longest waiting first within each, read page
 * by page (keyset), so a long list costs no more memory than a short one.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Lists stored invitations by state, the longest waiting first within each.",
        "With --limit, the last line on standard error says how to go on (--after CURSOR)."})
public final class ListCommand implements Callable<Integer> {

  /** Rows read from the store at once. */
  private static final int PAGE = 500;

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--state", paramLabel = "STATE", description = "Only this state: ${COMPLETION-CANDIDATES}.")
  State state;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Only this category (no-note, sales-pitch, …).")
  String category;

  @Option(names = "--recipient", paramLabel = "WHO", description = "Only invitations for this recipient (name or address).")
  String recipient;

  @Option(names = "--text", paramLabel = "TEXT", description = "Only those whose sender, headline or note contains TEXT.")
  String text;

  @Option(names = "--limit", paramLabel = "N", description = "At most N invitations (default: all).")
  Integer limit;

  @Option(names = "--after", paramLabel = "CURSOR", description = "Start after this cursor (from an earlier --limit).")
  String after;

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
    Optional<Cursor> from = Optional.empty();
    if (after != null) {
      from = Cursor.parse(after);
      if (from.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--after: not a cursor: '" + after + "'");
      }
    }
    try (StoreOptions.Opened opened = storeOptions.open()) {
      if (unmatched) {
        printUnmatched(out, opened.invitations());
      } else {
        printInvitations(out, opened.invitations(), from);
      }
    }
    return 0;
  }

  private Filter filter() {
    Filter f = Filter.ALL;
    f = state == null ? f : f.state(state);
    f = category == null ? f : f.category(category);
    f = recipient == null ? f : f.recipient(recipient);
    return text == null ? f : f.text(text);
  }

  private static void printUnmatched(PrintWriter out, Invitations store) {
    long after = 0;
    for (List<StoredMessage> page = store.unmatched(after, PAGE); !page.isEmpty(); page = store.unmatched(after, PAGE)) {
      for (StoredMessage m : page) {
        out.printf("%6d  %s  %-24s %s%n", m.id(), m.receivedAt(), m.senderName(), m.body().replaceAll("\\s+", " "));
        after = m.id();
      }
    }
  }

  private void printInvitations(PrintWriter out, Invitations store, Optional<Cursor> from) throws IOException {
    if (!json) {
      out.println(Describe.header());
    }
    long left = limit == null ? Long.MAX_VALUE : Math.max(0, limit);
    Optional<Cursor> next = from;
    while (left > 0) {
      Page<StoredInvitation> page = store.page(filter(), Invitations.Order.OLDEST_FIRST, next, (int) Math.min(PAGE, left));
      for (StoredInvitation i : page.items()) {
        out.println(json ? json(i) : Describe.row(i));
      }
      left -= page.items().size();
      next = page.next();
      if (next.isEmpty()) {
        return;
      }
    }
    if (next.isPresent()) {
      spec.commandLine().getErr().println("doorman: more: --after " + next.get().token());
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
