package io.doorman.policies.rules;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text split into words, each lower-cased with its accents stripped ("Müller" becomes "muller",
 * "I'd" the two words "i" and "d"), remembering where each word stood in the original so a match
 * can be quoted.
 */
public final class FoldedText {

  private static final String[] FOLD = foldTable();
  /** The same as one char where the fold is one char; 0 for separators, MULTI for the others. */
  private static final char[] FOLD_CHAR = foldChars();
  private static final char MULTI = '\uffff';
  static final FoldedText EMPTY = new FoldedText("");

  private final String original;
  private String[] words = new String[16];
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int size;

  public FoldedText(String original) {
    this.original = original;
    split();
  }

  /** Folds a phrase or a name the same way as text, words joined by single spaces. */
  public static String fold(String s) {
    FoldedText t = new FoldedText(s);
    return String.join(" ", Arrays.copyOf(t.words, t.size));
  }

  public String original() {
    return original;
  }

  int size() {
    return size;
  }

  String word(int i) {
    return words[i];
  }

  /** Where word {@code i} starts in the original text. */
  int start(int i) {
    return starts[i];
  }

  /** Where word {@code i} ends in the original text (exclusive). */
  int end(int i) {
    return ends[i];
  }

  /** The original text from the start of word {@code from} to the end of word {@code to - 1}. */
  String quote(int from, int to) {
    return original.substring(starts[from], ends[to - 1]);
  }

  private void split() {
    char[] buf = new char[Math.min(original.length(), 64) * 2 + 4];
    int len = 0;
    int start = -1;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c == '%') { // a word of its own, so "# %" can match "30 %" and "30%"
        if (start >= 0) {
          add(new String(buf, 0, len), start, i);
          len = 0;
        }
        add("%", i, i + 1);
        start = -1;
        continue;
      }
      char one = c < FOLD_CHAR.length ? FOLD_CHAR[c] : MULTI;
      if (one != 0 && one != MULTI) {
        if (start < 0) {
          start = i;
        }
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = one;
        continue;
      }
      String folded = c < FOLD.length ? FOLD[c] : foldRare(c);
      if (folded == null) {
        if (start >= 0) {
          add(new String(buf, 0, len), start, i);
          len = 0;
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        start = i;
      }
      if (len + folded.length() > buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2 + folded.length());
      }
      if (folded.length() == 1) {
        buf[len++] = folded.charAt(0);
      } else {
        folded.getChars(0, folded.length(), buf, len);
        len += folded.length();
      }
    }
    if (start >= 0) {
      add(new String(buf, 0, len), start, original.length());
    }
  }

  private void add(String word, int start, int end) {
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    words[size] = word;
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  private static String foldRare(char c) {
    return Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : null;
  }

  private static char[] foldChars() {
    char[] table = new char[FOLD.length];
    for (int c = 0; c < table.length; c++) {
      String f = FOLD[c];
      table[c] = f == null ? 0 : f.length() == 1 && f.charAt(0) != MULTI ? f.charAt(0) : MULTI;
    }
    return table;
  }

  /** Folded form of each char below U+0250 (Latin), null for word separators. */
  private static String[] foldTable() {
    String[] table = new String[0x250];
    for (char c = 0; c < table.length; c++) {
      if (!Character.isLetterOrDigit(c)) {
        continue;
      }
      String lower = String.valueOf(c).toLowerCase(java.util.Locale.ROOT);
      String stripped =
          Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      table[c] = special(c, stripped.isEmpty() ? lower : stripped);
    }
    return table;
  }

  private static String special(char c, String folded) {
    switch (c) {
      case 'ß':
        return "ss";
      case 'æ':
      case 'Æ':
        return "ae";
      case 'œ':
      case 'Œ':
        return "oe";
      case 'ø':
      case 'Ø':
        return "o";
      case 'ł':
      case 'Ł':
        return "l";
      case 'đ':
      case 'Đ':
        return "d";
      default:
        return folded;
    }
  }
}
