package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MutualConnectionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 mutual connection|1",
        "12 mutual connections|12",
        "3 connections in common|3",
        "4 shared connections|4",
        "Sam Lee and 5 other mutual connections|6",
        "Sam Lee, Ann Bo and 2 others are mutual connections|4",
        "Sam Lee is a mutual connection|1",
        "7 gemeinsame Kontakte|7",
        "1 gemeinsamer Kontakt|1",
        "2 relations en commun|2",
        "9 contactos en común|9"
      })
  void countsEveryPhrasing(String line, int expected) {
    assertEquals(expected, TemplateText.mutualCount(line).getAsInt());
  }

  @Test
  void aHeadlineIsNotAMutualLine() {
    assertFalse(TemplateText.mutualCount("Senior Recruiter at Acme").isPresent());
    assertFalse(TemplateText.mutualCount("Helping 500 founders find common ground").isPresent());
  }
}
