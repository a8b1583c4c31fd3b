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

  /** Any of the phrases occurs negated in any of the fields ("haven't met" denies "met"). */
  public static Condition denies(List<Field> fields, int[] phraseIds) {
    return new Denies(fields.toArray(new Field[0]), mask(phraseIds));
  }

  /**
   * One sentence of the field says one of the {@code has} phrases and, when given, one of the
   * {@code and} phrases, and holds none of the {@code without} phrases (negated or not).
   */
  public static Condition sentence(Field field, int[] has, Optional<int[]> and,
      Optional<int[]> without) {
    return new Sentence(field, mask(has), and.map(Conditions::mask).orElse(null),
        without.map(Conditions::mask).orElse(null));
  }

  public static Condition matches(Field field, Pattern pattern) {
    return new Matches(field, pattern, FirstChar.of(pattern.pattern()));
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

  /**
   * A learned model gives the label at least this probability; never holds without a model.
   *
   * @param label the {@code Category} or {@code Action} ordinal, by {@code target}
   */
  public static Condition learned(Prediction.Target target, int label, double atLeast) {
    return new Learned(target, label, atLeast);
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

  private static Mask mask(int[] ids) {
    return Mask.of(ids);
  }

  /** "'we met' in note", or with {@code negated} "'haven't met' in note (negated)". */
  private static Optional<String> quoteFirst(Facts f, Field[] fields, Mask mask, boolean negated) {
    for (Field field : fields) {
      Occurrences o = f.found(field);
      for (int i = 0; i < o.size(); i++) {
        if (o.negated(i) == negated && mask.has(o.id(i))) {
          return Optional.of("'" + o.quote(i) + "' in " + field.label()
              + (negated ? " (negated)" : ""));
        }
      }
    }
    return Optional.empty();
  }

  /** Phrase ids, and the same ids as a bit mask to test against the phrases found. */
  record Keywords(Field[] fields, int[] ids, Mask mask) implements Condition {
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
      return quoteFirst(f, fields, mask, false);
    }

    @Override
    public int strength(Facts f) {
      int best = 0;
      for (Field field : fields) {
        Occurrences o = f.found(field);
        for (int i = 0; i < o.size(); i++) {
          if (!o.negated(i) && mask.has(o.id(i))) {
            best = Math.max(best, o.words(i));
          }
        }
      }
      return best;
    }
  }

  record Denies(Field[] fields, Mask mask) implements Condition {
    @Override
    public boolean test(Facts f) {
      for (Field field : fields) {
        if (f.found(field).anyDenied(mask)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return quoteFirst(f, fields, mask, true);
    }

    @Override
    public int strength(Facts f) {
      return 2; // a denial is a negation and what it negates
    }
  }

  record Sentence(Field field, Mask has, Mask and, Mask without) implements Condition {
    @Override
    public boolean test(Facts f) {
      return first(f.found(field)) >= 0;
    }

    @Override
    public Optional<String> evidence(Facts f) {
      Occurrences o = f.found(field);
      int at = first(o);
      if (at < 0) {
        return Optional.empty();
      }
      StringBuilder sb = new StringBuilder("'").append(o.quote(at)).append('\'');
      if (and != null) {
        int with = said(o, and, o.sentence(at));
        sb.append(" with '").append(o.quote(with)).append('\'');
      }
      return Optional.of(sb.append(" in a sentence of the ").append(field.label()).toString());
    }

    @Override
    public int strength(Facts f) {
      Occurrences o = f.found(field);
      int at = first(o);
      return at < 0 ? 0 : o.words(at) + (and == null ? 0 : o.words(said(o, and, o.sentence(at))));
    }

    /** The first occurrence of a {@code has} phrase in a sentence that fits; -1 when none. */
    private int first(Occurrences o) {
      for (int i = 0; i < o.size(); i++) {
        if (o.negated(i) || !has.has(o.id(i))) {
          continue;
        }
        int sentence = o.sentence(i);
        if (and != null && said(o, and, sentence) < 0) {
          continue;
        }
        if (without != null && any(o, without, sentence)) {
          continue;
        }
        return i;
      }
      return -1;
    }

    private static int said(Occurrences o, Mask mask, int sentence) {
      for (int i = 0; i < o.size(); i++) {
        if (!o.negated(i) && o.sentence(i) == sentence && mask.has(o.id(i))) {
          return i;
        }
      }
      return -1;
    }

    private static boolean any(Occurrences o, Mask mask, int sentence) {
      for (int i = 0; i < o.size(); i++) {
        if (o.sentence(i) == sentence && mask.has(o.id(i))) {
          return true;
        }
      }
      return false;
    }
  }

  /** RE2/J over the first {@link Facts#REGEX_CHARS} characters: linear in that, whatever the pattern. */
  record Matches(Field field, Pattern pattern, FirstChar first) implements Condition {
    @Override
    public boolean test(Facts f) {
      CharSequence text = f.forRegex(field);
      return first.occursIn(text) && pattern.matcher(text).find();
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

  record Learned(Prediction.Target target, int label, double atLeast) implements Condition {
    @Override
    public boolean test(Facts f) {
      return f.prediction().map(p -> p.probability(target, label) >= atLeast).orElse(false);
    }

    @Override
    public Optional<String> evidence(Facts f) {
      return f.prediction().map(p -> p.because(target, label));
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
    public int strength(Facts f) {
      int sum = 0;
      for (Condition c : conditions) {
        sum += c.strength(f);
      }
      return sum;
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
    public int strength(Facts f) {
      int best = 0;
      for (Condition c : conditions) {
        if (c.test(f)) {
          best = Math.max(best, c.strength(f));
        }
      }
      return best;
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
