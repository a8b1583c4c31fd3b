package io.doorman.policies.learning;

/** The kinds of feature the model reads, each with the letter that starts its name. */
enum Kind {
  NOTE('n'),
  PAIR('b'),
  HEADLINE('h'),
  ROLE('r'),
  MUTUAL('m'),
  AUTHENTICITY('a'),
  NOTE_STATE('s'),
  ROLE_MUTUAL('x'),
  NOTE_MUTUAL('y'),
  ROLE_NOTE('z'),
  TEAM('t'),
  LANGUAGE('l');

  final char letter;

  Kind(char letter) {
    this.letter = letter;
  }

  /** A feature's name as stored in a model: {@code n:met}, {@code b:we|met}, {@code m:5-19}. */
  String name(String a, String b) {
    return b == null ? letter + ":" + a : letter + ":" + a + "|" + b;
  }

  /** A 64-bit key of the same feature, computed without building its name. */
  long key(String a, String b) {
    long h = 0x9E3779B97F4A7C15L * (ordinal() + 1);
    h = mix(h ^ a.hashCode());
    h = mix(h ^ a.length());
    if (b != null) {
      h = mix(h ^ ((long) b.hashCode() << 1));
      h = mix(h ^ b.length());
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
