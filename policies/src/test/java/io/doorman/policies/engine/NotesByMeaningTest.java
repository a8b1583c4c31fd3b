package io.doorman.policies.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Language;
import io.doorman.policies.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default policy reads a note by what its sentences say: a phrase a negation reaches does not
 * count ("haven't met", "not selling anything", "no pitch"), a word in a sentence that tells a
 * story is not a request ("mid-demo"), and a tie in points goes to the stronger evidence. Each
 * case is a note written for this test, in the two misses' style.
 */
class NotesByMeaningTest {

  private static Verdict classify(Language template, String note) {
    return Policy.defaults().classify(
        Invitations.invitation(template, Authenticity.LINKEDIN, "Engineer at Example", note, 3));
  }

  @Test
  void midDemoInAStoryAboutMeetingIsNoDemoRequest() {
    Verdict v = classify(Language.EN, "Hi Paul, we met at the testing workshop in Leeds. You lent"
        + " me your charger when my laptop died mid-demo, still grateful! Let's stay in touch.");
    assertEquals(Category.PERSONAL, v.category(), v.reasons().toString());
    assertTrue(v.reasons().stream().noneMatch(r -> r.startsWith("sales-pitch")), v.reasons()
        .toString());
  }

  @Test
  void aDemoDayIsNoDemoRequestButAskingForADemoIs() {
    assertEquals(Category.PERSONAL, classify(Language.EN, "Thanks for showing me around your"
        + " office during the demo day. Really enjoyed meeting the team.").category());
    assertEquals(Category.SALES_PITCH, classify(Language.EN, "Hi Paul, could I show you our"
        + " analytics in a quick demo next Tuesday?").category());
  }

  @Test
  void pathsThatHaveNotCrossedAtASharedEmployerAreASharedInterest() {
    Verdict v = classify(Language.EN, "Hi Paul, I've just joined Brightwater Health's QA team in"
        + " Leeds. Our paths haven't crossed yet, but I'm connecting with colleagues across the"
        + " sites.");
    assertEquals(Category.SHARED_INTEREST, v.category(), v.reasons().toString());
    assertTrue(v.reasons().stream().anyMatch(r -> r.contains("haven't crossed")
        && r.contains("(negated)")), v.reasons().toString());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', value = {
    // denied meeting: not personal (the first column is LinkedIn's template language; the note's own is read from it)
    "EN | shared-interest | We haven't met, but I read your article on data contracts and liked it.",
    "EN | shared-interest | I have never actually met you, though we are both in the Rust user group.",
    "DE | shared-interest | Wir kennen uns nicht, aber ich lese Ihre Beiträge in der Python-Usergroup.",
    "FR | shared-interest | Nous ne nous sommes jamais rencontrés, mais je suis membre du même groupe.",
    "ES | shared-interest | No nos hemos conocido, pero los dos estamos en la comunidad Python Madrid.",
    "EN | shared-interest | Ainda não nos conhecemos, mas também faço parte da comunidade Java Porto.",
    // denied selling: not a pitch
    "EN | shared-interest | I'm not selling anything, just connecting with people in the Rust community.",
    "EN | shared-interest | No pitch, promise! I enjoyed your podcast episode on robotics safety.",
    "DE | shared-interest | Ich verkaufe nichts, versprochen. Ich lese nur gern Ihre Artikel.",
    "FR | shared-interest | Je ne vends rien : j'apprécie simplement vos interventions sur la data.",
    // a denial does not hide a real pitch
    "EN | sales-pitch     | Not a sales pitch, but I'd love 15 minutes to show you how our platform automates month-end close.",
    // a released negation is still a request
    "EN | sales-pitch     | We help logistics teams cut costs by 20%. Don't hesitate to book a call with me.",
    "FR | sales-pitch     | Nous aidons les PME à automatiser leur paie. N'hésitez pas à réserver un appel de 15 minutes.",
  })
  void negatedPhrasesDoNotCount(Language template, String category, String note) {
    Verdict v = classify(template, note);
    assertEquals(category, v.category().wireName(), v.reasons().toString());
  }

  @Test
  void aTieInPointsGoesToTheStrongerEvidenceAndSaysSo() throws Exception {
    Policy p = PolicyLoader.empty().layer("t.yml", """
        rules:
          - id: short
            description: one word
            if: {noteHas: [demo]}
            then: {score: {sales-pitch: 4}}
          - id: long
            description: three words
            if: {noteHas: ["we met at"]}
            then: {score: {personal: 4}}
        """).load();
    Verdict v = p.classify(Invitations.invitation("x", "We met at the demo night."));
    assertEquals(Category.PERSONAL, v.category());
    assertTrue(v.reasons().contains(
        "personal ties sales-pitch at 4 points; personal has the stronger evidence (3 to 1)"),
        v.reasons().toString());
    // as strong: the fixed order still decides
    Verdict even = p.classify(Invitations.invitation("x", "A demo? We met at the bar."));
    assertEquals(Category.PERSONAL, even.category()); // "we met at" is still three words
    Verdict order = PolicyLoader.empty().layer("t.yml", """
        rules:
          - {id: a, description: a, if: {noteHas: [demo]}, then: {score: {sales-pitch: 4}}}
          - {id: b, description: b, if: {noteHas: [met]}, then: {score: {personal: 4}}}
        """).load().classify(Invitations.invitation("x", "demo, met"));
    assertEquals(Category.SALES_PITCH, order.category());
    assertTrue(order.reasons().contains("sales-pitch ties personal at 4 points; sales-pitch has"
        + " evidence as strong, and comes first in tie order"), order.reasons().toString());
  }
}
