package io.doorman.policies.rules;

import java.util.Arrays;

/**
 * Where the phrases of a policy occur in one text: each occurrence's phrase, its words, its
 * sentence, and whether a negation reaches it. A phrase is <em>said</em> when it occurs at least
 * once without a negation, and <em>denied</em> when it occurs negated ("haven't met" denies
 * "met"). Conditions test these as bit sets, one bit per phrase id.
 */
final class Occurrences {

  /** Beyond this many occurrences in one text the rest are not recorded. */
  private static final int MAX = 512;

  private final TextReading text;
  private final long[] said;
  private final long[] denied;
  private int[] ids = new int[8];
  private int[] froms = new int[8];
  private int[] tos = new int[8];
  private boolean[] negated = new boolean[8];
  private int size;

  Occurrences(TextReading text, int phrases) {
    this.text = text;
    this.said = new long[(phrases + 63) >>> 6];
    this.denied = new long[(phrases + 63) >>> 6];
  }

  /** No text, no phrase. */
  static Occurrences none(int phrases) {
    return new Occurrences(null, phrases);
  }

  void add(int id, int from, int to) {
    if (size == MAX || to <= from) {
      return;
    }
    for (int i = size - 1; i >= 0 && froms[i] == from; i--) {
      if (ids[i] == id) {
        return; // reached again through a gap: the first (shortest) match stands
      }
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      froms = Arrays.copyOf(froms, size * 2);
      tos = Arrays.copyOf(tos, size * 2);
      negated = Arrays.copyOf(negated, size * 2);
    }
    ids[size] = id;
    froms[size] = from;
    tos[size] = to;
    size++;
  }

  /** Decides for each occurrence whether a negation reaches it, and sets the bits. */
  Occurrences settle() {
    for (int i = 0; i < size; i++) {
      negated[i] = text.negated(froms[i], tos[i]);
      long[] bits = negated[i] ? denied : said;
      bits[ids[i] >>> 6] |= 1L << ids[i];
    }
    return this;
  }

  boolean anySaid(Mask mask) {
    return mask.intersects(said);
  }

  boolean anyDenied(Mask mask) {
    return mask.intersects(denied);
  }

  boolean said(int id) {
    return (said[id >>> 6] & (1L << id)) != 0;
  }

  int size() {
    return size;
  }

  int id(int i) {
    return ids[i];
  }

  boolean negated(int i) {
    return negated[i];
  }

  int words(int i) {
    return tos[i] - froms[i];
  }

  int sentence(int i) {
    return text.sentence(froms[i]);
  }

  /** The occurrence as the original text has it; a negated one with its negation. */
  String quote(int i) {
    return negated[i] ? text.quoteNegated(froms[i], tos[i]) : text.text().quote(froms[i], tos[i]);
  }

}
