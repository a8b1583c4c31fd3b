package io.doorman.policies.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Language;
import io.doorman.policies.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default policy on invitations written for these tests, per category and language:
 * {@code invitations.txt} in English, German, French and Spanish, and the learned model's
 * built-in seed set ({@code learning/seed-invitations.txt}) in eight languages, with distractors.
 */
class DefaultPolicyFixturesTest {

  static Stream<String> invitations() throws IOException {
    return Stream.concat(lines("invitations.txt"),
        lines("/io/doorman/policies/learning/seed-invitations.txt"));
  }

  private static Stream<String> lines(String resource) throws IOException {
    try (InputStream in = DefaultPolicyFixturesTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList().stream();
    }
  }

  /** LinkedIn's template language for a note's: English where LinkedIn has none here. */
  private static Language template(String code) {
    return java.util.Arrays.stream(Language.values()).filter(l -> l.code().equals(code))
        .findFirst().orElse(Language.EN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invitations")
  void classifiesEachFixtureAsLabelled(String line) {
    String[] f = line.split(" :: ", 5);
    String note = f[4].equals("-") ? null : f[4];
    Verdict v = Policy.defaults().classify(Invitations.invitation(
        template(f[1]),
        Authenticity.valueOf(f[2].toUpperCase(Locale.ROOT)), f[3], note, 4));
    assertEquals(f[0], v.category().wireName(), v.reasons().toString());
  }
}
