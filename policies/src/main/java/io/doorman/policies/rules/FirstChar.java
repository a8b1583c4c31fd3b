package io.doorman.policies.rules;

/**
 * What the first character of any match of a pattern must be, when the pattern says so plainly
 * (it starts with {@code \\d} or with a letter or digit that no quantifier follows): a text
 * without such a character cannot match, and a scan for one is much cheaper than running RE2/J's
 * machine over the text, which most headlines would fail anyway.
 */
record FirstChar(int kind, char letter) {

  private static final int ANY = 0;
  private static final int DIGIT = 1;
  private static final int LETTER = 2;
  static final FirstChar UNKNOWN = new FirstChar(ANY, ' ');

  static FirstChar of(String pattern) {
    if (pattern.startsWith("\\d") && !quantified(pattern, 2)) {
      return new FirstChar(DIGIT, ' ');
    }
    if (!pattern.isEmpty() && Character.isLetterOrDigit(pattern.charAt(0))
        && pattern.charAt(0) < 128 && !quantified(pattern, 1)) {
      return new FirstChar(LETTER, Character.toLowerCase(pattern.charAt(0)));
    }
    return UNKNOWN;
  }

  /**
   * Whether the first atom may be skipped: a quantifier that allows zero follows it, or the
   * pattern has another alternative at its top level.
   */
  private static boolean quantified(String p, int at) {
    if (topLevelAlternative(p)) {
      return true;
    }
    if (at >= p.length()) {
      return false;
    }
    char c = p.charAt(at);
    return c == '?' || c == '*' || p.startsWith("{0", at) || p.startsWith("{,", at);
  }

  private static boolean topLevelAlternative(String p) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  boolean occursIn(CharSequence text) {
    if (kind == ANY) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (kind == DIGIT ? c >= '0' && c <= '9' || Character.isDigit(c)
          : Character.toLowerCase(c) == letter) {
        return true;
      }
    }
    return false;
  }
}
