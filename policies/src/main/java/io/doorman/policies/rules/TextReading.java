package io.doorman.policies.rules;

import java.util.Set;

/**
 * A text read as sentences and clauses in its language: where each sentence and clause begins,
 * which words a negation reaches ("we haven't met", "not selling anything", "no pitch", "wir
 * kennen uns nicht"), and each word's stem.
 *
 * <p>A negation reaches forward to the end of its clause (at most five words; "no", "kein",
 * "sans" and the like two or three), and in languages that put it after the verb ("nicht",
 * "pas", "niet") back over the three words before it. A clause ends at punctuation and at "but"
 * and its kin. A word next to the negation can undo it: "not only", "don't hesitate", "no
 * obligation", "n'hésitez pas".
 */
final class TextReading {

  static final byte NONE = 0;
  static final byte CLAUSE = 1;
  static final byte SENTENCE = 2;

  private static final int REACH = 5;
  private static final int SHORT_REACH = 3;
  private static final int BACK_REACH = 3;
  private static final Set<String> ABBREVIATIONS = NoteLanguage.words("st dr mr mrs ms prof eg ie"
      + " vs etc inc ltd jr sr no nr bzw ca usw mme mlle sra dra hr fr");

  private static final Set<String> GREETINGS = NoteLanguage.words("hi hello hey dear morning"
      + " afternoon evening hallo liebe lieber moin servus bonjour salut cher chere hola querido"
      + " estimado estimada ola oi caro cara ciao buongiorno salve hoi beste goedemiddag goedendag"
      + " halo hai");
  private static final Set<String> NOT_NAMES = NoteLanguage.words("sie ihnen ihr ihre ihren ihrem"
      + " ihrer du dich dir dein deine euch vous usted voce lei linkedin");

  private final FoldedText text;
  private final NoteLanguage language;
  /** Each word's {@link NoteLanguage#classes}. */
  private final long[] classes;
  private final byte[] breaks;
  private final int[] sentence;
  private final int[] clause;
  private final int[] negatedFrom;
  private final int[] negatedBack;
  private String[] stems;

  TextReading(FoldedText text, NoteLanguage language) {
    this(text, language, true);
  }

  /**
   * @param negations whether to look for negations: prose (a note, a message) has them, a
   *     headline or a name is read as it stands
   */
  TextReading(FoldedText text, NoteLanguage language, boolean negations) {
    this(text, classes(text), language, negations);
  }

  TextReading(FoldedText text, long[] classes, NoteLanguage language, boolean negations) {
    this.text = text;
    this.classes = classes;
    this.language = language;
    int n = text.size();
    this.breaks = new byte[n];
    this.sentence = new int[n];
    this.clause = new int[n];
    this.negatedFrom = new int[n];
    this.negatedBack = new int[n];
    findBreaks();
    if (negations) {
      findNegations();
    } else {
      java.util.Arrays.fill(negatedFrom, -1);
      java.util.Arrays.fill(negatedBack, -1);
    }
  }

  /** Each word's {@link NoteLanguage#classes}, looked up once. */
  static long[] classes(FoldedText text) {
    long[] out = new long[text.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = NoteLanguage.classes(text.word(i));
    }
    return out;
  }

  FoldedText text() {
    return text;
  }

  NoteLanguage language() {
    return language;
  }

  int size() {
    return text.size();
  }

  /** The sentence word {@code i} stands in, counted from 0. */
  int sentence(int i) {
    return sentence[i];
  }

  /** Whether a clause or a sentence ends before word {@code i}. */
  boolean breakBefore(int i) {
    return breaks[i] != NONE;
  }

  /** The clause word {@code i} stands in, counted from 0 over the whole text. */
  int clause(int i) {
    return clause[i];
  }

  /** Whether a negation outside words {@code [from, to)} reaches them. */
  boolean negated(int from, int to) {
    return negatedFrom[from] >= 0 || negatedBack[to - 1] >= to;
  }

  /** The negation reaching words {@code [from, to)}, with them, quoted from the original. */
  String quoteNegated(int from, int to) {
    int a = negatedFrom[from] >= 0 ? Math.min(from, negatedFrom[from]) : from;
    int b = negatedBack[to - 1] >= to ? negatedBack[to - 1] + 1 : to;
    if (a > 0 && text.word(a).equals("t") && (classes[a - 1] & NoteLanguage.CONTRACTED) != 0) {
      a--;
    }
    return text.quote(a, b);
  }

  /** The stem of word {@code i} in the text's language (Lucene's stemmer for it). */
  String stem(int i) {
    if (stems == null) {
      stems = new String[text.size()];
    }
    String s = stems[i];
    if (s == null) {
      s = Stems.of(language, text.word(i));
      stems[i] = s;
    }
    return s;
  }

  /**
   * Whether word {@code i} looks like a name: written with a capital, not the first word of its
   * sentence nor the one after a greeting ("Hi Paul"), not a pronoun written with one ("I", "Sie").
   */
  boolean isName(int i) {
    if (i == 0 || breaks[i] == SENTENCE || text.word(i).length() < 2
        || !capitalised(i)
        || NOT_NAMES.contains(text.word(i))) {
      return false;
    }
    int j = i - 1; // back over the greeted person's names: "Bonjour Jean-Baptiste,"
    while (j > 0 && breaks[j + 1] == NONE && capitalised(j)) {
      j--;
    }
    return !(breaks[j + 1] == NONE && GREETINGS.contains(text.word(j)));
  }

  private boolean capitalised(int i) {
    return Character.isUpperCase(text.original().charAt(text.start(i)));
  }

  boolean isStopWord(int i) {
    return language.is(classes[i], NoteLanguage.STOP);
  }

  private void findBreaks() {
    String original = text.original();
    int s = 0;
    int k = 0;
    for (int i = 1; i < text.size(); i++) {
      byte b = NONE;
      for (int c = text.end(i - 1); c < text.start(i); c++) {
        char ch = original.charAt(c);
        if (ch == '.' && (ABBREVIATIONS.contains(text.word(i - 1)) || text.word(i - 1).length() == 1
            || c == text.end(i - 1) && c + 1 == text.start(i))) {
          continue; // "Dr. Lee", "e.g.", "4.5", "re.invent"
        }
        if (".!?;…\n¿¡".indexOf(ch) >= 0) {
          b = SENTENCE;
          break;
        }
        if (",:()–—\"“”«»".indexOf(ch) >= 0
            || ch == '-' && c > 0 && original.charAt(c - 1) == ' ') {
          b = CLAUSE;
        }
      }
      if (b == NONE && (classes[i] & NoteLanguage.CONJUNCTION) != 0) {
        b = CLAUSE;
      }
      breaks[i] = b;
      if (b == SENTENCE) {
        s++;
      }
      if (b != NONE) {
        k++;
      }
      sentence[i] = s;
      clause[i] = k;
    }
  }

  private void findNegations() {
    int n = text.size();
    java.util.Arrays.fill(negatedFrom, -1);
    java.util.Arrays.fill(negatedBack, -1);
    for (int i = 0; i < n; i++) {
      String w = text.word(i);
      long c = classes[i];
      boolean forward = language.is(c, NoteLanguage.NEGATOR)
          || (c & NoteLanguage.CONTRACTED_WHOLE) != 0 && language == NoteLanguage.EN
          || w.equals("t") && i > 0 && breaks[i] == NONE
              && (classes[i - 1] & NoteLanguage.CONTRACTED) != 0;
      boolean shortly = language.is(c, NoteLanguage.SHORT);
      boolean back = language.is(c, NoteLanguage.BACK);
      if (!(forward || shortly || back) || released(i)) {
        continue;
      }
      if (forward || shortly) {
        int reach = forward ? REACH : SHORT_REACH;
        for (int j = i + 1; j < n && j <= i + reach && breaks[j] == NONE; j++) {
          if (negatedFrom[j] < 0) {
            negatedFrom[j] = i;
          }
        }
      }
      if (back) {
        for (int j = i - 1; j >= 0 && j >= i - BACK_REACH && breaks[j + 1] == NONE; j--) {
          if (negatedBack[j] < 0) {
            negatedBack[j] = i;
          }
        }
      }
    }
  }

  /** A word right after the negation, or one of the two before it, undoes it. */
  private boolean released(int i) {
    if (i + 1 < text.size() && breaks[i + 1] == NONE
        && language.is(classes[i + 1], NoteLanguage.RELEASE)) {
      return true;
    }
    for (int j = i; j > 0 && j > i - 2 && breaks[j] == NONE; j--) {
      if (language.is(classes[j - 1], NoteLanguage.RELEASE)) {
        return true;
      }
    }
    return false;
  }
}
