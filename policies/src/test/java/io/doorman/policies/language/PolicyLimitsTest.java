package io.doorman.policies.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.rules.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A policy file cannot make loading or classification unbounded: regular expressions are RE2
 * syntax (no backtracking constructs, refused where they stand), and size, nesting and compiled
 * patterns have limits, each reported as a message.
 */
class PolicyLimitsTest {

  private static List<String> errors(String yaml) {
    PolicyException e = assertThrows(PolicyException.class,
        () -> PolicyParser.parse("policy.yml", yaml, new Vocabulary.Builder()));
    return e.errors().stream().map(PolicyError::toString).toList();
  }

  private static String rule(String condition) {
    return "rules:\n  - id: r1\n    description: test\n    if: " + condition
        + "\n    then: {score: {no-note: 1}}\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    // pattern written in single quotes at column 23 | column of the construct | what it is
    "ab(?=c)        | 26 | '(?=' is a look-ahead",
    "x(?!y)         | 25 | '(?!' is a look-ahead",
    "(?<=a)b        | 24 | '(?<=' is a look-behind",
    "(?<!a)b        | 24 | '(?<!' is a look-behind",
    "(a)\\1         | 27 | '\\1' is a back-reference",
    "(?<n>a)\\k<n>  | 31 | '\\k<' is a back-reference",
    "(?>ab)c        | 24 | '(?>' is an atomic group",
    "a*+b           | 25 | '*+' is a possessive quantifier",
    "[(?=]a{2}+     | 32 | '}+' is a possessive quantifier",
  })
  void backtrackingConstructsAreRefusedAtTheirLineAndColumn(
      String pattern, int column, String what) {
    List<String> e = errors(rule("{noteMatches: '" + pattern + "'}"));
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).startsWith("policy.yml:4:" + column + ": " + what + ", which needs a"
        + " backtracking engine"), e.get(0));
  }

  @Test
  void theColumnFollowsEscapesInDoubleQuotes() {
    // "\\d\\d(?=x)": the look-ahead is the 5th character of the value, the 7th after the quote's text
    List<String> e = errors(rule("{noteMatches: \"\\\\d\\\\d(?=x)\"}"));
    assertTrue(e.get(0).startsWith("policy.yml:4:30: '(?=' is a look-ahead"), e.get(0));
  }

  @Test
  void aBracketedLookAlikeIsNoConstruct() throws PolicyException {
    PolicyParser.parse("policy.yml", rule("{noteMatches: '[(?=]x\\Q(?>\\E'}"),
        new Vocabulary.Builder());
  }

  @Test
  void nestedCountedRepeatsAreRefusedBeforeTheyAreCompiled() {
    List<String> e = errors(rule("{noteMatches: '((a{1000}){1000}){1000}'}"));
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).matches("policy\\.yml:4:23: regular expression '.*' compiles to about \\d+"
        + " instructions; the limit is 1000.*"), e.get(0));
  }

  @Test
  void aPatternJustOverTheProgramLimitIsRefusedWithItsSize() {
    List<String> e = errors(rule("{noteMatches: '[ab]{600}[cd]{600}'}"));
    assertTrue(e.get(0).contains("compiles to about"), e.get(0));
  }

  @Test
  void theRegularExpressionsOfOneFileShareABudget() {
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (int i = 0; i < 5; i++) {
      yaml.append("  - id: r").append(i).append("\n    description: t\n")
          .append("    if: {noteMatches: '[ab]{450}c'}\n    then: {score: {no-note: 1}}\n");
    }
    List<String> e = errors(yaml.toString());
    assertEquals(1, e.size(), e.toString()); // the fifth rule goes over 2,000
    assertTrue(e.get(0).startsWith("policy.yml:20:") && e.get(0).contains("the limit is 2000"),
        e.get(0));
  }

  @Test
  void aPolicyNested5000DeepGivesAMessageNotAStackOverflow() {
    String deep = "{not: ".repeat(5000) + "{note: absent}" + "}".repeat(5000);
    List<String> e = errors(rule(deep));
    assertEquals(List.of("policy.yml:4:291: mappings and lists nested more than 50 deep; nothing"
        + " in Doorman's policy language needs that many levels"), e);
    List<String> lists = errors("rules: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    assertTrue(lists.get(0).startsWith("policy.yml:1:57: mappings and lists nested"), lists.get(0));
  }

  @Test
  void aFileOverOneMebibyteIsRefusedWithItsSize() {
    String big = "definitions:\n  x: '" + "a".repeat(1 << 20) + "'\n";
    List<String> e = errors(big);
    assertEquals(List.of("policy.yml:1:1: the file has " + big.length()
        + " characters; a policy file may have at most 1048576"), e);
  }

  @Test
  void aliasesReusedBeyondTheValueLimitStopTheReading() {
    // five levels of ten aliases each (YAML's own limit is 50): 100,000 copies of ten keywords
    StringBuilder yaml = new StringBuilder("definitions:\n"
        + "  c0: &c0 {noteHas: [a, b, c, d, e, f, g, h, i, j]}\n");
    for (int i = 1; i <= 4; i++) {
      yaml.append("  c").append(i).append(": &c").append(i).append(" {any: [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*c" + (i - 1))))
          .append("]}\n");
    }
    yaml.append(rule("{any: [" + String.join(", ", java.util.Collections.nCopies(10, "*c4"))
        + "]}"));
    List<String> e = errors(yaml.toString());
    assertTrue(e.stream().anyMatch(m -> m.contains("expands to more than 200000 values")),
        e.toString());
  }

  @Test
  void longKeywordsAndManyGapsAreRefused() {
    assertTrue(errors(rule("{noteHas: 'a .. b .. c .. d .. e'}")).get(0)
        .contains("has more than 3 '..' gaps"));
    assertTrue(errors(rule("{noteHas: '" + "w ".repeat(30) + "'}")).get(0)
        .contains("has 30 words; the limit is 24"));
  }
}
