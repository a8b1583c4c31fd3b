package io.doorman.policies.learning;

import io.doorman.policies.Action;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.TeamSignals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The built-in seed set: invitations the project wrote and labelled ({@code seed-invitations.txt}),
 * each with its category and the default policy's action for it. What a model knows before a
 * team has decided anything.
 */
public final class SeedSet {

  public static final String RESOURCE = "seed-invitations.txt";

  /** CONTRACT.md's default action per category. */
  static final Map<Category, Action> DEFAULT_ACTIONS = Map.of(
      Category.PERSONAL, Action.ACCEPT, Category.MUTUAL_INTRO, Action.ACCEPT,
      Category.SHARED_INTEREST, Action.REVIEW, Category.GENERIC_NOTE, Action.ASK,
      Category.NO_NOTE, Action.ASK, Category.SALES_PITCH, Action.DECLINE,
      Category.LION, Action.DECLINE, Category.SUSPICIOUS, Action.DECLINE);

  private static volatile List<Example> builtIn;

  private SeedSet() {}

  /** The seed set, read once. */
  public static List<Example> builtIn() {
    List<Example> s = builtIn;
    if (s == null) {
      s = read();
      builtIn = s;
    }
    return s;
  }

  private static List<Example> read() {
    String text;
    try (InputStream in = SeedSet.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Example> out = new ArrayList<>();
    int n = 0;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(" :: ", 5);
      Category category = category(f[0]);
      Language template = java.util.Arrays.stream(Language.values())
          .filter(l -> l.code().equals(f[1])).findFirst().orElse(Language.EN);
      Origin origin = new Origin("seed#" + n++, Optional.empty(), Optional.empty(),
          Authenticity.valueOf(f[2].toUpperCase(Locale.ROOT)), Optional.empty(), template);
      Invitation invitation = new Invitation(origin,
          new Person("Seed " + n, Optional.of(f[3]), Optional.empty(), Optional.empty()),
          OptionalInt.empty(), f[4].equals("-") ? Optional.empty() : Optional.of(f[4]),
          Optional.empty(), Optional.empty(), false);
      out.add(new Example(invitation, TeamSignals.NONE, Optional.of(category),
          Optional.of(DEFAULT_ACTIONS.get(category)), Instant.EPOCH, Example.Source.SEED));
    }
    return List.copyOf(out);
  }

  private static Category category(String wire) {
    for (Category c : Category.values()) {
      if (c.wireName().equals(wire)) {
        return c;
      }
    }
    throw new IllegalStateException(RESOURCE + ": unknown category '" + wire + "'");
  }
}
