package io.doorman.policies.learning;

/**
 * An open-addressing map from 64-bit feature keys to feature indexes, read-only once built. Each
 * slot packs the key's upper 40 bits and the index (24 bits) into one long, so a look-up reads
 * one memory location, not two: classification reads about forty of them per invitation.
 */
final class LongIntMap {

  private static final int INDEX_BITS = 24;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  static final int MAX_SIZE = (1 << INDEX_BITS) - 2;

  /** 0: empty; else (key's upper bits) | (index + 1). */
  private final long[] slots;
  private final int mask;

  LongIntMap(long[] keys) {
    if (keys.length > MAX_SIZE) {
      throw new IllegalArgumentException("a model has at most " + MAX_SIZE + " features");
    }
    int capacity = Integer.highestOneBit(Math.max(8, (int) (keys.length / 0.6))) << 1;
    this.slots = new long[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < keys.length; i++) {
      long tag = keys[i] & ~INDEX_MASK;
      int at = slot(keys[i]);
      while (slots[at] != 0 && (slots[at] & ~INDEX_MASK) != tag) {
        at = (at + 1) & mask;
      }
      if (slots[at] == 0) { // two features with one key: the first keeps it
        slots[at] = tag | (i + 1);
      }
    }
  }

  /** The index of the key, or -1. */
  int get(long key) {
    long tag = key & ~INDEX_MASK;
    int at = slot(key);
    long s;
    while ((s = slots[at]) != 0) {
      if ((s & ~INDEX_MASK) == tag) {
        return (int) (s & INDEX_MASK) - 1;
      }
      at = (at + 1) & mask;
    }
    return -1;
  }

  private int slot(long key) {
    return (int) key & mask; // the key is already mixed; its low bits pick the slot
  }
}
