package io.doorman.policies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which words a negation reaches, where sentences end, and which words are names. */
class TextReadingTest {

  private static TextReading read(NoteLanguage language, String text) {
    return new TextReading(new FoldedText(text), language);
  }

  /** Whether the phrase (folded words) occurs negated in the text. */
  private static boolean negated(NoteLanguage language, String text, String phrase) {
    TextReading r = read(language, text);
    String[] words = FoldedText.fold(phrase).split(" ");
    for (int at = 0; at + words.length <= r.size(); at++) {
      boolean match = true;
      for (int k = 0; k < words.length && match; k++) {
        match = r.text().word(at + k).equals(words[k]);
      }
      if (match) {
        return r.negated(at, at + words.length);
      }
    }
    throw new AssertionError("'" + phrase + "' is not in '" + text + "'");
  }

  @ParameterizedTest(name = "{0}: ''{2}'' negated in ''{1}''")
  @CsvSource(delimiter = '|', value = {
    "EN | We haven't met yet, but I enjoyed your talk.          | met",
    "EN | Our paths haven't crossed yet.                          | crossed",
    "EN | I'm not selling anything, promise.                     | selling",
    "EN | No pitch, I just liked your post.                       | pitch",
    "EN | I have never actually met you in person.               | met you",
    "EN | I don't think we got to talk at the summit.             | talk",
    "EN | We have not spoken before.                              | spoken",
    "DE | Wir kennen uns nicht, aber ich lese Ihre Beiträge.      | kennen uns",
    "DE | Ich verkaufe nichts, versprochen.                       | verkaufe",
    "DE | Wir haben uns noch nicht getroffen.                     | getroffen",
    "DE | Kein Verkauf, nur Interesse.                            | verkauf",
    "FR | Je ne vends rien, c'est promis.                         | vends",
    "FR | Nous ne nous sommes jamais rencontrés.                  | rencontres",
    "ES | No nos hemos conocido todavía.                          | conocido",
    "PT | Ainda não nos conhecemos, mas acompanho seu trabalho.   | nos conhecemos",
    "IT | Non ci siamo ancora incontrati.                         | incontrati",
    "NL | We hebben elkaar nog nooit gesproken.                   | gesproken",
    "ID | Kita belum pernah bertemu sebelumnya.                   | bertemu",
  })
  void aNegationReachesWhatItNegates(NoteLanguage language, String text, String phrase) {
    assertTrue(negated(language, text, phrase));
  }

  @ParameterizedTest(name = "{0}: ''{2}'' not negated in ''{1}''")
  @CsvSource(delimiter = '|', value = {
    // the negation is part of the phrase itself
    "EN | We haven't met yet.                                          | haven't met",
    "DE | Wir kennen uns noch nicht.                                   | kennen uns noch nicht",
    // a word next to the negation undoes it
    "EN | Don't hesitate to book a call with me.                       | book a call",
    "EN | Enjoy a no-obligation demo of our platform.                  | demo",
    "EN | We not only met at KubeCon but also at the meetup.           | met",
    "FR | N'hésitez pas à réserver un appel.                           | reserver un appel",
    "DE | Zögern Sie nicht, einen Termin zu buchen.                    | einen termin",
    "ES | Sin compromiso: una demo de 15 minutos.                      | una demo",
    // the negation's clause has ended
    "EN | I'm not sure you remember, but we met at the meetup.          | we met",
    "EN | No, we met at the Denver meetup last week.                   | we met",
    "EN | Not yet! Could we book a call on Friday?                     | book a call",
    // out of reach
    "EN | I never thought I would be lucky enough to sit on the stage and then we met. | we met",
  })
  void aNegationStopsAtItsClauseAndIsUndoneByTheWordsBesideIt(
      NoteLanguage language, String text, String phrase) {
    assertFalse(negated(language, text, phrase));
  }

  @Test
  void sentencesEndAtFullStopsButNotAfterAbbreviationsOrInsideNumbers() {
    TextReading r = read(NoteLanguage.EN, "Hi Dr. Lee, we raised 4.5 million. Great talk! Cheers");
    int[] sentences = new int[r.size()];
    for (int i = 0; i < r.size(); i++) {
      sentences[i] = r.sentence(i);
    }
    // hi dr lee we raised 4 5 million | great talk | cheers
    assertEquals("[0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2]", java.util.Arrays.toString(sentences));
  }

  @Test
  void namesAreCapitalisedWordsThatNeitherOpenASentenceNorFollowAGreeting() {
    TextReading r = read(NoteLanguage.EN, "Hi Paul, Ravi Iyer thought I should write. Thanks");
    // hi paul ravi iyer thought i should write thanks
    boolean[] names = new boolean[r.size()];
    for (int i = 0; i < r.size(); i++) {
      names[i] = r.isName(i);
    }
    assertEquals("[false, false, true, true, false, false, false, false, false]",
        java.util.Arrays.toString(names));
    TextReading hyphenated = read(NoteLanguage.FR, "Bonjour Jean-Baptiste, Sophie m'a parlé de vous");
    assertFalse(hyphenated.isName(2)); // "Baptiste" is still the greeted person
    assertTrue(hyphenated.isName(3)); // "Sophie"
  }
}
