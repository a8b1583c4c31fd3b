package io.doorman.policies.learning;

import java.util.Arrays;

/** An open-addressing map from 64-bit feature keys to feature indexes; read-only once built. */
final class LongIntMap {

  private final long[] keys;
  private final int[] values;
  private final int mask;

  LongIntMap(long[] keys) {
    int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
    this.keys = new long[capacity];
    this.values = new int[capacity];
    this.mask = capacity - 1;
    Arrays.fill(values, -1);
    for (int i = 0; i < keys.length; i++) {
      int at = slot(keys[i]);
      while (values[at] >= 0 && this.keys[at] != keys[i]) {
        at = (at + 1) & mask;
      }
      if (values[at] < 0) { // two features with one key: the first keeps it
        this.keys[at] = keys[i];
        values[at] = i;
      }
    }
  }

  /** The index of the key, or -1. */
  int get(long key) {
    int at = slot(key);
    while (values[at] >= 0) {
      if (keys[at] == key) {
        return values[at];
      }
      at = (at + 1) & mask;
    }
    return -1;
  }

  private int slot(long key) {
    return (int) (key ^ (key >>> 29)) & mask;
  }
}
