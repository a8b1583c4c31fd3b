package io.doorman.policies.language;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads a policy's regular expression before RE2/J compiles it: finds the constructs that only a
 * backtracking engine has (look-around, back-references, atomic groups, possessive quantifiers),
 * at the character where they stand, and estimates how large the compiled program will be, so a
 * pattern like {@code ((a{1000}){1000}){1000}} is refused before it is built.
 */
final class RegexCheck {

  /** A problem at a character offset of the pattern. */
  record Problem(int offset, String message) {}

  private RegexCheck() {}

  /** The first construct that needs backtracking, if any. */
  static Optional<Problem> backtracking(String p) {
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        if (i + 1 < p.length() && !inClass) {
          char n = p.charAt(i + 1);
          if (n >= '1' && n <= '9') {
            return Optional.of(new Problem(i, "'\\" + n + "' is a back-reference"));
          }
          if (n == 'k' && i + 2 < p.length() && p.charAt(i + 2) == '<') {
            return Optional.of(new Problem(i, "'\\k<' is a back-reference"));
          }
          if (n == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            i = end < 0 ? p.length() : end + 1;
            continue;
          }
        }
        i++;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        continue;
      }
      if (c == '[') {
        inClass = true;
        if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
          i++; // a leading ']' is a literal
        }
        continue;
      }
      if (c == '(' && p.startsWith("(?", i)) {
        String kind = p.startsWith("(?=", i) || p.startsWith("(?!", i) ? "a look-ahead"
            : p.startsWith("(?<=", i) || p.startsWith("(?<!", i) ? "a look-behind"
            : p.startsWith("(?>", i) ? "an atomic group" : null;
        if (kind != null) {
          int len = p.startsWith("(?<", i) ? 4 : 3;
          return Optional.of(new Problem(i, "'" + p.substring(i, i + len) + "' is " + kind));
        }
      }
      if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < p.length()
          && p.charAt(i + 1) == '+') {
        return Optional.of(new Problem(i, "'" + c + "+' is a possessive quantifier"));
      }
    }
    return Optional.empty();
  }

  /**
   * About how many instructions the compiled pattern has: every atom counts one, a group the sum
   * of its alternatives, and a counted repeat {@code {n,m}} multiplies what it repeats by m.
   */
  static long estimatedSize(String p) {
    Deque<long[]> frames = new ArrayDeque<>(); // {total of closed alternatives, current, last atom}
    long[] frame = new long[3];
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (inClass) {
        if (c == '\\') {
          i++;
        } else if (c == ']') {
          inClass = false;
          atom(frame, 1);
        }
        continue;
      }
      switch (c) {
        case '\\':
          if (i + 1 < p.length() && (p.charAt(i + 1) == 'p' || p.charAt(i + 1) == 'P')
              && i + 2 < p.length() && p.charAt(i + 2) == '{') {
            int end = p.indexOf('}', i);
            i = end < 0 ? p.length() : end;
          } else {
            i++;
          }
          atom(frame, 1);
          break;
        case '[':
          inClass = true;
          if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
            i++;
          }
          break;
        case '(':
          frames.push(frame);
          frame = new long[3];
          break;
        case ')':
          long group = frame[0] + frame[1] + 2;
          frame = frames.isEmpty() ? new long[3] : frames.pop();
          atom(frame, group);
          break;
        case '|':
          frame[0] = saturate(frame[0] + frame[1] + 1);
          frame[1] = 0;
          frame[2] = 0;
          break;
        case '*':
        case '+':
        case '?':
          frame[1] = saturate(frame[1] + 1);
          break;
        case '{':
          int close = p.indexOf('}', i);
          long times = close < 0 ? -1 : repeatCount(p.substring(i + 1, close));
          if (times < 0) {
            atom(frame, 1); // a literal '{'
            break;
          }
          frame[1] = saturate(frame[1] + saturate(frame[2] * Math.max(0, times - 1)) + 1);
          frame[2] = saturate(frame[2] * Math.max(1, times));
          i = close;
          break;
        default:
          atom(frame, 1);
      }
    }
    while (!frames.isEmpty()) { // unbalanced: RE2/J will say so; count what there is
      long group = frame[0] + frame[1];
      frame = frames.pop();
      atom(frame, group);
    }
    return frame[0] + frame[1];
  }

  private static void atom(long[] frame, long size) {
    frame[1] = saturate(frame[1] + size);
    frame[2] = size;
  }

  /** {@code n}, {@code n,} or {@code n,m} as the largest count; -1 when not a repeat. */
  private static long repeatCount(String inside) {
    String[] parts = inside.split(",", -1);
    if (parts.length > 2 || parts[0].isEmpty() || !digits(parts[0])
        || parts.length == 2 && !parts[1].isEmpty() && !digits(parts[1])) {
      return -1;
    }
    String max = parts.length == 2 && !parts[1].isEmpty() ? parts[1] : parts[0];
    return max.length() > 6 ? 1_000_000 : Long.parseLong(max) + (parts.length == 2 ? 1 : 0);
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static long saturate(long v) {
    return Math.min(v, 1L << 40);
  }
}
