package io.doorman.policies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pattern whose first character is plain is not run on a text that lacks it. */
class FirstCharTest {

  @ParameterizedTest(name = "{0} on ''{1}'': {2}")
  @CsvSource(delimiter = ';', value = {
    "\\d{1,3}\\s?[kK]\\+     ; LION 25K+                ; true",
    "\\d{1,3}\\s?[kK]\\+     ; Open Networker           ; false",
    "lion                   ; Open LION networker      ; true",
    "lion                   ; Open networker           ; false",
    // the first atom may be skipped, or an alternative starts otherwise: always run
    "\\d?x                   ; x                        ; true",
    "a*b                    ; b                        ; true",
    "a{0,2}b                ; b                        ; true",
    "ab|cd                  ; cd                       ; true",
    "(?i)ab                 ; xy                       ; true",
  })
  void aTextWithoutThePatternsFirstCharacterIsSkipped(String pattern, String text,
      boolean run) {
    assertEquals(run, FirstChar.of(pattern).occursIn(text));
  }
}
