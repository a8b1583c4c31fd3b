package io.doorman.policies.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** A comparison with a number, written {@code ">= 3"}, {@code "< 40"}, {@code "== 0"} or {@code "3"}. */
public record Comparison(String operator, long value) {

  private static final Pattern SYNTAX = Pattern.compile("\\s*(>=|<=|==|!=|>|<)?\\s*(\\d{1,9})\\s*");

  /**
   * Reads a comparison.
   *
   * @throws IllegalArgumentException naming the text when it is not one
   */
  public static Comparison parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a comparison like '>= 3', '< 40' or '0'");
    }
    return new Comparison(m.group(1) == null ? "==" : m.group(1), Long.parseLong(m.group(2)));
  }

  public boolean test(long actual) {
    switch (operator) {
      case ">=":
        return actual >= value;
      case "<=":
        return actual <= value;
      case ">":
        return actual > value;
      case "<":
        return actual < value;
      case "!=":
        return actual != value;
      default:
        return actual == value;
    }
  }

  @Override
  public String toString() {
    return operator + " " + value;
  }
}
