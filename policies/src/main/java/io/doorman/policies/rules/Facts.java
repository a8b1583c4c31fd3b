package io.doorman.policies.rules;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Message;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.TeamSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * One invitation (or message) as the conditions see it: texts folded once, every keyword of the
 * policy looked up once.
 */
public final class Facts {

  private static final Pattern DOMAIN =
      Pattern.compile("(?:@|https?://)([a-z0-9.-]+\\.[a-z]{2,})", Pattern.CASE_INSENSITIVE);
  /**
   * How much of a text regular expressions see. LinkedIn's notes have at most 300 characters and
   * headlines 220; the bound keeps a policy's worst case (its patterns' size times this) small.
   */
  public static final int REGEX_CHARS = 500;
  /** How much of a text keywords see (the store keeps notes up to 10,000 characters). */
  public static final int TEXT_CHARS = 10_000;

  private final Vocabulary vocabulary;
  private final Optional<String> note;
  private final Person sender;
  private final Origin origin;
  private final OptionalInt mutualConnections;
  private final boolean reminder;
  private final TeamSignals team;
  private final FoldedText[] texts = new FoldedText[Field.values().length];
  private final TextReading[] readings = new TextReading[Field.values().length];
  private final Occurrences[] found = new Occurrences[Field.values().length];
  private List<String> domains;
  private final Optional<Predictor> predictor;
  private Optional<Prediction> prediction;
  private List<Term> noteTerms;
  private List<Term> headlineTerms;

  private Facts(
      Vocabulary vocabulary,
      Optional<String> note,
      Person sender,
      Origin origin,
      OptionalInt mutualConnections,
      boolean reminder,
      TeamSignals team,
      Optional<Predictor> predictor) {
    this.vocabulary = vocabulary;
    this.predictor = predictor;
    this.note = note.filter(s -> !s.isBlank());
    this.sender = sender;
    this.origin = origin;
    this.mutualConnections = mutualConnections;
    this.reminder = reminder;
    this.team = team;
  }

  public static Facts of(Invitation invitation, TeamSignals team, Vocabulary vocabulary) {
    return of(invitation, team, vocabulary, Optional.empty());
  }

  /** With a learned model, which {@code learned} conditions and points ask, once. */
  public static Facts of(Invitation invitation, TeamSignals team, Vocabulary vocabulary,
      Optional<Predictor> predictor) {
    return new Facts(
        vocabulary,
        invitation.note(),
        invitation.sender(),
        invitation.origin(),
        invitation.mutualConnections(),
        invitation.reminder(),
        team,
        predictor);
  }

  /** A message's text stands where an invitation's note would. */
  public static Facts of(Message message, Vocabulary vocabulary) {
    return new Facts(
        vocabulary,
        Optional.of(message.text()),
        message.sender(),
        message.origin(),
        OptionalInt.empty(),
        false,
        TeamSignals.NONE,
        Optional.empty());
  }

  /** The model whose prediction was asked for while classifying, if one was. */
  public Optional<String> modelConsulted() {
    return prediction == null ? Optional.empty() : prediction.map(Prediction::model);
  }

  /** The learned model's reading of this invitation, when there is a model. */
  public Optional<Prediction> prediction() {
    if (prediction == null) {
      prediction = predictor.map(p -> p.predict(this));
    }
    return prediction;
  }

  public Optional<String> recipient() {
    return origin.recipient();
  }

  public boolean hasNote() {
    return note.isPresent();
  }

  String raw(Field field) {
    switch (field) {
      case NOTE:
        return note.orElse("");
      case HEADLINE:
        return sender.headline().orElse("");
      default:
        return sender.name();
    }
  }

  /** The start of a text that regular expressions see. */
  CharSequence forRegex(Field field) {
    String s = raw(field);
    return s.length() <= REGEX_CHARS ? s : s.substring(0, REGEX_CHARS);
  }

  FoldedText text(Field field) {
    FoldedText t = texts[field.ordinal()];
    if (t == null) {
      String raw = raw(field);
      t = raw.isEmpty() ? FoldedText.EMPTY
          : new FoldedText(raw.length() <= TEXT_CHARS ? raw : raw.substring(0, TEXT_CHARS));
      texts[field.ordinal()] = t;
    }
    return t;
  }

  /** A text read as sentences, clauses and negations, in the language it is written in. */
  TextReading reading(Field field) {
    TextReading r = readings[field.ordinal()];
    if (r == null) {
      FoldedText t = text(field);
      long[] classes = TextReading.classes(t);
      r = field == Field.NOTE
          ? new TextReading(t, classes, NoteLanguage.of(classes, origin.language()), true)
          : new TextReading(t, classes, NoteLanguage.forTemplate(origin.language()), false);
      readings[field.ordinal()] = r;
    }
    return r;
  }

  /**
   * A word of a text as the learned model reads it: its term (stem, {@code !} when negated), the
   * clause it stands in, and the word as written, taken from the text only when asked for.
   */
  public record Term(String term, int clause, FoldedText text, int index) {

    public String written() {
      return text.quote(index, index + 1);
    }
  }

  /**
   * The note's words as a learned model reads them: stop words left out, each stemmed in the
   * note's language (Lucene's stemmer), a word a negation reaches marked with a leading {@code !},
   * each with the word as written and the clause it stands in.
   */
  public List<Term> noteTerms() {
    if (noteTerms == null) {
      noteTerms = terms(Field.NOTE, true);
    }
    return noteTerms;
  }

  /** The headline's words, folded, stop words left out. */
  public List<Term> headlineTerms() {
    if (headlineTerms == null) {
      headlineTerms = terms(Field.HEADLINE, false);
    }
    return headlineTerms;
  }

  private List<Term> terms(Field field, boolean stems) {
    if (raw(field).isEmpty()) {
      return List.of();
    }
    TextReading r = reading(field);
    List<Term> out = new ArrayList<>(r.size());
    for (int i = 0; i < r.size(); i++) {
      if (r.isStopWord(i) || r.text().word(i).length() < 2 && !Character.isDigit(
          r.text().word(i).charAt(0))) {
        continue;
      }
      String t = stems ? r.stem(i) : r.text().word(i);
      out.add(new Term(r.negated(i, i + 1) ? "!" + t : t, r.clause(i), r.text(), i));
    }
    return out;
  }

  /** The language the note (or a message's text) is written in, by its own words. */
  public NoteLanguage noteLanguage() {
    return reading(Field.NOTE).language();
  }

  Occurrences found(Field field) {
    Occurrences o = found[field.ordinal()];
    if (o == null) {
      o = raw(field).isEmpty() ? Occurrences.none(vocabulary.size())
          : vocabulary.find(reading(field));
      found[field.ordinal()] = o;
    }
    return o;
  }

  boolean contains(Field field, int phraseId) {
    return found(field).said(phraseId);
  }

  /** Whether any phrase whose bit is set in {@code mask} is said (not negated) in the field. */
  boolean containsAny(Field field, Mask mask) {
    return found(field).anySaid(mask);
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  public OptionalInt mutualConnections() {
    return mutualConnections;
  }

  public Authenticity authenticity() {
    return origin.authenticity();
  }

  public Language language() {
    return origin.language();
  }

  boolean reminder() {
    return reminder;
  }

  public TeamSignals team() {
    return team;
  }

  /** Domains of the addresses and links in the note, and the host of the profile link. */
  List<String> domains() {
    if (domains == null) {
      List<String> all = new ArrayList<>();
      String n = note.orElse("");
      Matcher m = DOMAIN.matcher((n.length() <= TEXT_CHARS ? n : n.substring(0, TEXT_CHARS)) + " "
          + sender.profileUrl().orElse(""));
      while (m.find()) {
        all.add(m.group(1).toLowerCase(Locale.ROOT));
      }
      domains = all;
    }
    return domains;
  }
}
