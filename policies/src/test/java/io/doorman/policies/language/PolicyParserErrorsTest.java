package io.doorman.policies.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorman.policies.rules.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code doorman policy check} reports: every problem, each at its line and column. */
class PolicyParserErrorsTest {

  private static List<String> errors(String yaml) {
    PolicyException e = assertThrows(PolicyException.class,
        () -> PolicyParser.parse("policy.yml", yaml, new Vocabulary.Builder()));
    return e.errors().stream().map(PolicyError::toString).toList();
  }

  private static final String RULE_HEAD = """
      rules:
        - id: r1
          description: test
      """;

  @Test
  void unknownConditionNamesTheKeyAndSuggestsTheClosest() {
    assertEquals(List.of("policy.yml:4:10: unknown condition 'notee' (did you mean 'note'?)"),
        errors(RULE_HEAD + "    if: {notee: absent}\n    then: {score: {no-note: 1}}\n"));
  }

  @Test
  void unknownTopLevelKey() {
    assertEquals(List.of("policy.yml:1:1: unknown key 'rulez' (did you mean 'rules'?)"),
        errors("rulez: []\n"));
  }

  @Test
  void badRegularExpression() {
    assertEquals(List.of("policy.yml:4:23: bad regular expression '(unclosed': missing closing )"),
        errors(RULE_HEAD + "    if: {noteMatches: '(unclosed'}\n    then: {score: {no-note: 1}}\n"));
  }

  @Test
  void wrongTypes() {
    assertEquals(List.of(
            "policy.yml:4:29: mutualConnections must be a single value, not a list or mapping",
            "policy.yml:5:29: points must be a whole number, not 'lots'"),
        errors(RULE_HEAD + "    if: {mutualConnections: [1, 2]}\n"
            + "    then: {score: {no-note: lots}}\n"));
    assertEquals(List.of("policy.yml:1:8: rules must be a list"), errors("rules: {a: 1}\n"));
    assertEquals(List.of("policy.yml:1:16: duration must read like '10d', '36h' or '2w', not 'soon'"),
        errors("followUpAfter: soon\n"));
  }

  @Test
  void unknownCategoryActionAndComparison() {
    assertEquals(List.of(
            "policy.yml:4:22: '>= many' is not a comparison like '>= 3', '< 40' or '0'",
            "policy.yml:5:20: unknown category 'spam'"),
        errors(RULE_HEAD + "    if: {noteLength: '>= many'}\n    then: {score: {spam: 1}}\n"));
    assertEquals(List.of("policy.yml:1:20: action must be accept, ask, decline or review, not 'ignore'"),
        errors("actions: {no-note: ignore}\n"));
  }

  @Test
  void missingPartsOfARule() {
    assertEquals(List.of("policy.yml:2:5: rule is missing 'if'"),
        errors(RULE_HEAD + "    then: {score: {no-note: 1}}\n"));
  }

  @Test
  void unknownPlaceholderInATemplate() {
    assertEquals(List.of("policy.yml:3:9: unknown placeholder '{name}'"
            + " (use {firstName} or {recipientFirstName})"),
        errors("templates:\n  followUp:\n    en: \"Hi {name}\"\n"));
  }

  @Test
  void invalidYamlIsReportedWhereTheParserStopped() {
    List<String> e = errors("rules:\n  - id: a\n   description: b\n");
    assertEquals(1, e.size());
    assertEquals(true, e.get(0).startsWith("policy.yml:3:"), e.get(0));
  }

  @Test
  void duplicateKeys() {
    assertEquals(List.of("policy.yml:2:1: duplicate key 'followUpAfter'"),
        errors("followUpAfter: 3d\nfollowUpAfter: 4d\n"));
  }

  @Test
  void reportsEveryProblemNotJustTheFirst() {
    assertEquals(2, errors("rulez: []\nfollowUpAfter: never\n").size());
  }
}
