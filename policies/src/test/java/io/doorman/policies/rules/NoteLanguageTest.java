package io.doorman.policies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A note's language is read from its own words, whatever LinkedIn's template language. */
class NoteLanguageTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "EN | Hi Paul, great to meet you at the workshop last week.",
    "DE | Hallo Paul, wir haben uns letzte Woche auf der Messe getroffen.",
    "FR | Bonjour Paul, nous nous sommes rencontrés au salon de Nantes.",
    "ES | Hola Pablo, nos conocimos en el taller de Valencia.",
    "PT | Olá Paulo, foi ótimo conversar com você no evento de Lisboa.",
    "IT | Ciao Paolo, è stato un piacere parlare con te al meetup di Milano.",
    "NL | Hoi Paul, leuk je te spreken op de meetup in Utrecht.",
    "ID | Halo Paul, senang sekali bisa bertemu dengan Anda di Jakarta.",
  })
  void eachLanguageIsToldByItsFunctionWords(NoteLanguage expected, String note) {
    assertEquals(expected, NoteLanguage.of(new FoldedText(note), Language.EN));
    assertEquals(expected, NoteLanguage.of(new FoldedText(note), Language.DE));
  }

  @Test
  void withNoFunctionWordTheTemplateLanguageDecides() {
    assertEquals(NoteLanguage.FR, NoteLanguage.of(new FoldedText("Kubernetes!"), Language.FR));
    assertEquals(NoteLanguage.EN, NoteLanguage.of(new FoldedText(""), Language.EN));
  }
}
