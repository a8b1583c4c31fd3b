package io.doorman.policies.language;

/**
 * How large a policy file may be, so that loading it and classifying with it stay bounded whatever
 * it says (docs/POLICY.md, "Limits"). Classification's own bounds on the texts it reads are in
 * {@code rules.Facts}.
 */
final class Limits {

  /** Characters in one policy file. */
  static final int MAX_CHARS = 1 << 20;
  /** Mappings and lists inside one another. */
  static final int MAX_DEPTH = 50;
  /** Values read from one file, aliases counted each time they are used. */
  static final int MAX_VALUES = 200_000;
  /** Characters in one regular expression. */
  static final int MAX_PATTERN_CHARS = 1_000;
  /** Instructions of one compiled regular expression. */
  static final int MAX_PROGRAM = 1_000;
  /** Instructions of every regular expression in one file together. */
  static final int MAX_PROGRAM_PER_FILE = 2_000;

  private Limits() {}
}
