package io.doorman.policies.rules;

/**
 * A set of phrase ids as bits, with the index of its first non-zero word: a condition's phrases
 * are registered together, so its bits sit in a few words of a long array.
 */
record Mask(long[] bits, int from) {

  static Mask of(int[] ids) {
    int max = 0;
    int min = Integer.MAX_VALUE;
    for (int id : ids) {
      max = Math.max(max, id);
      min = Math.min(min, id);
    }
    long[] bits = new long[(max >>> 6) + 1];
    for (int id : ids) {
      bits[id >>> 6] |= 1L << id;
    }
    return new Mask(bits, ids.length == 0 ? 0 : min >>> 6);
  }

  boolean has(int id) {
    int word = id >>> 6;
    return word < bits.length && (bits[word] & (1L << id)) != 0;
  }

  boolean intersects(long[] other) {
    for (int i = from, n = Math.min(bits.length, other.length); i < n; i++) {
      if ((bits[i] & other[i]) != 0) {
        return true;
      }
    }
    return false;
  }
}
