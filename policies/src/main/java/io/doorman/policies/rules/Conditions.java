package io.doorman.policies.rules;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Language;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Builds the compiled conditions the policy language offers. */
public final class Conditions {

  private Conditions() {}

  /** The note is there (or, with {@code present} false, absent or blank). */
  public static Condition note(boolean present) {
    return new NotePresence(present);
  }

  public static Condition length(Field field, Comparison comparison) {
    return new Length(field, comparison);
  }

  /** Any of the phrases (ids from the policy's {@link Vocabulary}) occurs in any of the fields. */
  public static Condition keywords(List<Field> fields, int[] phraseIds) {
    return new Keywords(fields.toArray(new Field[0]), phraseIds.clone(), mask(phraseIds));
  }

  public static Condition matches(Field field, Pattern pattern) {
    return new Matches(field, pattern);
  }

  /** The mutual-connection count compares, or with {@code null}, the email gave no count. */
  public static Condition mutualConnections(Comparison comparisonOrNullForUnknown) {
    return new Mutual(Optional.ofNullable(comparisonOrNullForUnknown));
  }

  public static Condition authenticity(Set<Authenticity> allowed) {
    return new AuthenticityIs(Set.copyOf(allowed));
  }

  public static Condition language(Set<Language> languages) {
    return new LanguageIs(Set.copyOf(languages));
  }

  /** The sender's name, folded, is one of these (each folded by the caller with FoldedText.fold). */
  public static Condition nameIn(Set<String> foldedNames) {
    return new NameIn(Set.copyOf(foldedNames));
  }

  /** An address or link in the note, or the profile link, is on one of these domains. */
  public static Condition domainIn(Set<String> domains) {
    return new DomainIn(Set.copyOf(domains));
  }

  /** The notification was for one of these recipients (names or addresses, folded). */
  public static Condition recipientIn(Set<String> foldedRecipients) {
    return new RecipientIn(Set.copyOf(foldedRecipients));
  }

  public static Condition sameSenderInvitedTeammates(Comparison count, Duration window) {
    return new TeamInvites(count, window);
  }

  public static Condition previouslyDeclinedByTeam(boolean value) {
    return new DeclinedBefore(value);
  }

  public static Condition reminder(boolean value) {
    return new Reminder(value);
  }

  public static Condition all(List<Condition> conditions) {
    return conditions.size() == 1 ? conditions.get(0) : new All(List.copyOf(conditions));
  }

  public static Condition any(List<Condition> conditions) {
    return new AnyOf(List.copyOf(conditions));
  }

  public static Condition not(Condition condition) {
    return new Not(condition);
  }

  record NotePresence(boolean present) implements Condition {
    @Override
    public boolean test(Facts f) {
      return f.hasNote() == present;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of(present ? "has a note" : "no note");
    }
  }

  record Length(Field field, Comparison comparison) implements Condition {
    @Override
    public boolean test(Facts f) {
      return comparison.test(strippedLength(f.raw(field)));
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of(field.label() + " of " + strippedLength(f.raw(field)) + " characters");
    }

    private static int strippedLength(String s) {
      int from = 0;
      int to = s.length();
      while (from < to && Character.isWhitespace(s.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
        to--;
      }
      return to - from;
    }
  }

  private static long[] mask(int[] ids) {
    int max = 0;
    for (int id : ids) {
      max = Math.max(max, id);
    }
    long[] mask = new long[(max >>> 6) + 1];
    for (int id : ids) {
      mask[id >>> 6] |= 1L << id;
    }
    return mask;
  }

  /** Phrase ids, and the same ids as a bit mask to test against the phrases found. */
  record Keywords(Field[] fields, int[] ids, long[] mask) implements Condition {
    @Override
    public boolean test(Facts f) {
      for (Field field : fields) {
        if (f.containsAny(field, mask)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      for (Field field : fields) {
        int[] present = new int[ids.length];
        int n = 0;
        for (int id : ids) {
          if (f.contains(field, id)) {
            present[n++] = id;
          }
        }
        present = java.util.Arrays.copyOf(present, n);
        Optional<String> quote = f.vocabulary().quote(f.text(field), present);
        if (quote.isPresent()) {
          return Optional.of("'" + quote.get() + "' in " + field.label());
        }
      }
      return Optional.empty();
    }
  }

  /** RE2/J over the first {@link Facts#REGEX_CHARS} characters: linear in that, whatever the pattern. */
  record Matches(Field field, Pattern pattern) implements Condition {
    @Override
    public boolean test(Facts f) {
      return pattern.matcher(f.forRegex(field)).find();
    }

    @Override
    public Optional<String> evidence(Facts f) {
      Matcher m = pattern.matcher(f.forRegex(field));
      return m.find() ? Optional.of("'" + m.group() + "' in " + field.label()) : Optional.empty();
    }
  }

  record Mutual(Optional<Comparison> comparison) implements Condition {
    @Override
    public boolean test(Facts f) {
      OptionalInt n = f.mutualConnections();
      return comparison.isEmpty() ? n.isEmpty() : n.isPresent() && comparison.get().test(n.getAsInt());
    }

    @Override
    public Optional<String> evidence(Facts f) {
      OptionalInt n = f.mutualConnections();
      return Optional.of(
          n.isPresent() ? n.getAsInt() + " mutual connections" : "mutual connections unknown");
    }
  }

  record AuthenticityIs(Set<Authenticity> allowed) implements Condition {
    @Override
    public boolean test(Facts f) {
      return allowed.contains(f.authenticity());
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of("authenticity " + f.authenticity().wireName());
    }
  }

  record LanguageIs(Set<Language> languages) implements Condition {
    @Override
    public boolean test(Facts f) {
      return languages.contains(f.language());
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of("language " + f.language().code());
    }
  }

  record NameIn(Set<String> names) implements Condition {
    @Override
    public boolean test(Facts f) {
      return names.contains(FoldedText.fold(f.raw(Field.NAME)));
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of("sender '" + f.raw(Field.NAME) + "' is listed");
    }
  }

  record DomainIn(Set<String> domains) implements Condition {
    @Override
    public boolean test(Facts f) {
      return first(f).isPresent();
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return first(f).map(d -> "domain " + d + " is listed");
    }

    private Optional<String> first(Facts f) {
      for (String d : f.domains()) {
        for (String listed : domains) {
          if (d.equals(listed) || d.endsWith("." + listed)) {
            return Optional.of(d);
          }
        }
      }
      return Optional.empty();
    }
  }

  record RecipientIn(Set<String> recipients) implements Condition {
    @Override
    public boolean test(Facts f) {
      return f.recipient().map(r -> recipients.contains(FoldedText.fold(r))).orElse(false);
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return f.recipient().map(r -> "for " + r);
    }
  }

  record TeamInvites(Comparison count, Duration window) implements Condition {
    @Override
    public boolean test(Facts f) {
      return count.test(f.team().sameSenderInvitedTeammates(window));
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of(
          "invited "
              + f.team().sameSenderInvitedTeammates(window)
              + " teammates within "
              + window.toDays()
              + "d");
    }
  }

  record DeclinedBefore(boolean value) implements Condition {
    @Override
    public boolean test(Facts f) {
      return f.team().previouslyDeclinedByTeam() == value;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of(value ? "declined by the team before" : "never declined by the team");
    }
  }

  record Reminder(boolean value) implements Condition {
    @Override
    public boolean test(Facts f) {
      return f.reminder() == value;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.of(value ? "a reminder" : "not a reminder");
    }
  }

  record All(List<Condition> conditions) implements Condition {
    @Override
    public boolean test(Facts f) {
      for (Condition c : conditions) {
        if (!c.test(f)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      StringBuilder sb = new StringBuilder();
      for (Condition c : conditions) {
        Optional<String> e = c.evidence(f);
        if (e.isPresent()) {
          sb.append(sb.length() == 0 ? "" : ", ").append(e.get());
        }
      }
      return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
    }
  }

  record AnyOf(List<Condition> conditions) implements Condition {
    @Override
    public boolean test(Facts f) {
      for (Condition c : conditions) {
        if (c.test(f)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      for (Condition c : conditions) {
        if (c.test(f)) {
          return c.evidence(f);
        }
      }
      return Optional.empty();
    }
  }

  record Not(Condition condition) implements Condition {
    @Override
    public boolean test(Facts f) {
      return !condition.test(f);
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return Optional.empty();
    }
  }
}
