package io.doorman.policies.learning;

import io.doorman.policies.rules.Facts;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The features of one invitation: the note's words and word pairs (within a clause), the
 * headline's words, mutual connections in buckets, authenticity, whether there is a note, the
 * headline's role, the team's signals, the note's language, and three crosses (role with mutual
 * connections, note with mutual connections, role with note), so that "recruiters with five or
 * more mutual connections" can be learned although neither part alone says it.
 */
final class Features {

  /**
   * Receives each feature: its kind, one or two parts, and for a word the word itself (whose
   * written form an explanation shows; the rest is shown from the parts, see {@link #shown}).
   */
  interface Sink {
    void accept(Kind kind, String a, String b, Facts.Term word);
  }

  private Features() {}

  static void extract(Facts f, Sink sink) {
    List<Facts.Term> note = f.noteTerms();
    Facts.Term previous = null;
    for (Facts.Term t : note) {
      sink.accept(Kind.NOTE, t.term(), null, t);
      if (previous != null && previous.clause() == t.clause()) {
        sink.accept(Kind.PAIR, previous.term(), t.term(), null);
      }
      previous = t;
    }
    List<Facts.Term> headline = f.headlineTerms();
    for (Facts.Term t : headline) {
      sink.accept(Kind.HEADLINE, t.term(), null, t);
    }
    String role = Roles.of(headline);
    String mutual = mutual(f.mutualConnections());
    String state = f.hasNote() ? "note" : "none";
    sink.accept(Kind.ROLE, role, null, null);
    sink.accept(Kind.MUTUAL, mutual, null, null);
    sink.accept(Kind.AUTHENTICITY, f.authenticity().wireName(), null, null);
    sink.accept(Kind.NOTE_STATE, state, null, null);
    sink.accept(Kind.ROLE_MUTUAL, role, mutual, null);
    sink.accept(Kind.NOTE_MUTUAL, state, mutual, null);
    sink.accept(Kind.ROLE_NOTE, role, state, null);
    if (f.team().sameSenderInvitedTeammates(Duration.ofDays(7)) >= 3) {
      sink.accept(Kind.TEAM, "spray", null, null);
    }
    if (f.team().previouslyDeclinedByTeam()) {
      sink.accept(Kind.TEAM, "declined", null, null);
    }
    if (f.hasNote()) {
      sink.accept(Kind.LANGUAGE, f.noteLanguage().code(), null, null);
    }
  }

  /** How a person reads a feature: "met", "not met", "recruiter headline, 5-19 mutual connections". */
  static String shown(Kind kind, String a, String b, Facts.Term word) {
    switch (kind) {
      case NOTE:
        return a.startsWith("!") ? "not " + word.written() : word.written();
      case PAIR:
        return plain(a) + " " + plain(b);
      case HEADLINE:
        return word.written() + " in the headline";
      case ROLE:
        return a + " headline";
      case MUTUAL:
        return mutualShown(a);
      case AUTHENTICITY:
        return "authenticity " + a;
      case NOTE_STATE:
        return a.equals("note") ? "a note" : "no note";
      case ROLE_MUTUAL:
        return a + " headline, " + mutualShown(b);
      case NOTE_MUTUAL:
        return (a.equals("note") ? "a note, " : "no note, ") + mutualShown(b);
      case ROLE_NOTE:
        return a + " headline, " + (b.equals("note") ? "a note" : "no note");
      case TEAM:
        return a.equals("spray") ? "invited 3 or more teammates within a week"
            : "declined by a teammate before";
      default:
        return "a note in " + a;
    }
  }

  private static String plain(String term) {
    return term.startsWith("!") ? "not " + term.substring(1) : term;
  }

  static String mutual(OptionalInt n) {
    if (n.isEmpty()) {
      return "unknown";
    }
    int m = n.getAsInt();
    return m == 0 ? "0" : m < 5 ? "1-4" : m < 20 ? "5-19" : "20+";
  }

  private static String mutualShown(String bucket) {
    return bucket.equals("unknown") ? "mutual connections not shown"
        : bucket + " mutual connections";
  }
}
