package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Today's invitation in each language LinkedIn sends: its default text is no note, its footer is
 * never part of one, its language is told from LinkedIn's own text, and a member's note is kept
 * exactly.
 */
class EightLanguagesTest {

  @ParameterizedTest
  @EnumSource(Language.class)
  void theDefaultTextIsNoNote(Language language) {
    Invitation i = Fixtures.invitation("lang-" + language.code() + "-default.eml");

    assertEquals(language, i.origin().language());
    assertEquals(Optional.empty(), i.note());
    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(Optional.of("Platform Lead · Gullwing"), i.sender().headline());
    assertEquals(4, i.mutualConnections().getAsInt());
    assertEquals(List.of(), i.origin().problems());
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void aNoteIsKeptWithoutTheFooter(Language language) {
    Invitation i = Fixtures.invitation("lang-" + language.code() + "-note.eml");

    assertEquals(language, i.origin().language());
    String note = i.note().orElseThrow();
    assertTrue(note.startsWith(new String[] {"Oskar,", "Hallo", "Bonjour", "Hola", "Olá", "Ciao", "Hallo", "Hai"}[language.ordinal()]), note);
    assertEquals(1, note.lines().count(), "one paragraph, no footer line: " + note);
    assertEquals(Optional.of("Oskar Lund"), i.origin().recipient());
  }
}
