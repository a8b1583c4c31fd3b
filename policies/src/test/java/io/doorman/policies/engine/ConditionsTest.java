package io.doorman.policies.engine;

import static io.doorman.policies.engine.Invitations.invitation;
import static io.doorman.policies.engine.Invitations.origin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Person;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.language.PolicyException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Each condition type, in a one-rule policy that scores sales-pitch when it holds. */
class ConditionsTest {

  /** True when the condition (YAML flow mapping) fires for the invitation. */
  private static boolean fires(String condition, Invitation invitation) {
    return fires(condition, invitation, TeamSignals.NONE);
  }

  private static boolean fires(String condition, Invitation invitation, TeamSignals team) {
    String yaml = "rules:\n  - id: r\n    description: test\n    if: " + condition
        + "\n    then: {score: {sales-pitch: 1}}\n";
    try {
      Policy p = PolicyLoader.empty().layer("t.yml", yaml).load();
      return p.classify(invitation, team).category() == Category.SALES_PITCH;
    } catch (PolicyException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  @Test
  void noteAbsentAndPresent() {
    assertEquals(true, fires("{note: absent}", invitation("x", null)));
    assertEquals(true, fires("{note: absent}", invitation("x", "   ")));
    assertEquals(false, fires("{note: absent}", invitation("x", "Hi")));
    assertEquals(true, fires("{note: present}", invitation("x", "Hi")));
  }

  @Test
  void noteLengthComparesCharacters() {
    assertEquals(true, fires("{noteLength: '< 5'}", invitation("x", "Hi!")));
    assertEquals(false, fires("{noteLength: '< 5'}", invitation("x", "Hello there")));
    assertEquals(true, fires("{noteLength: '>= 11'}", invitation("x", "Hello there")));
  }

  @Test
  void keywordsMatchWholeWordsIgnoringCaseAndAccents() {
    assertEquals(true, fires("{noteHas: [book a call]}", invitation("x", "Could we BOOK a call?")));
    assertEquals(false, fires("{noteHas: [call]}", invitation("x", "You can recall it")));
    assertEquals(true, fires("{noteHas: [kennengelernt]}", invitation("x", "KENNENGELERNT!")));
    assertEquals(true, fires("{noteHas: [réseau]}", invitation("x", "mon reseau")));
    assertEquals(true, fires("{noteHas: [reseau]}", invitation("x", "mon RÉSEAU")));
    assertEquals(true, fires("{noteHas: [grosser]}", invitation("x", "je größer")));
  }

  @Test
  void keywordsGroupedByLanguageAllApply() {
    String c = "{noteHas: {en: [we met], de: [kennengelernt], fr: [rencontrés], es: [nos conocimos]}}";
    assertEquals(true, fires(c, invitation("x", "Nos conocimos ayer")));
    assertEquals(true, fires(c, invitation("x", "Nous nous sommes rencontres")));
    assertEquals(false, fires(c, invitation("x", "We never met")));
  }

  @Test
  void keywordWildcardsForNumbersPrefixesAndGaps() {
    assertEquals(true, fires("{noteHas: ['# minute call']}", invitation("x", "a 15-minute call")));
    assertEquals(false, fires("{noteHas: ['# minute call']}", invitation("x", "a quick minute call")));
    assertEquals(true, fires("{noteHas: ['crypto*']}", invitation("x", "Cryptocurrency gains")));
    assertEquals(true, fires("{noteHas: ['cut .. costs']}", invitation("x", "cut your cloud costs")));
    assertEquals(false, fires("{noteHas: ['cut .. costs']}",
        invitation("x", "cut it out, these are not the costs")));
    assertEquals(true, fires("{noteHas: ['# %']}", invitation("x", "save 30% now")));
  }

  @Test
  void regularExpressionsMatchTheOriginalText() {
    assertEquals(true, fires("{noteMatches: '\\+\\d[\\d ()-]{7,}'}",
        invitation("x", "call me on +1 (555) 010-2030")));
    assertEquals(false, fires("{noteMatches: '^Hi$'}", invitation("x", "Hi there")));
    assertEquals(true, fires("{headlineMatches: 'open\\s+networker'}", invitation("OPEN  Networker", null)));
  }

  @Test
  void headlineKeywordsAndNoteOrHeadline() {
    assertEquals(true, fires("{headlineHas: [lion]}", invitation("LION | 30K+", null)));
    assertEquals(false, fires("{headlineHas: [lion]}", invitation("Lyon office lead", null)));
    assertEquals(true, fires("{noteOrHeadlineHas: [lion]}", invitation("CTO", "a LION here")));
  }

  @Test
  void mutualConnectionsCompareOrAreUnknown() {
    Invitation twelve = invitation(Language.EN, Authenticity.LINKEDIN, "x", null, 12);
    Invitation unknown = invitation(Language.EN, Authenticity.LINKEDIN, "x", null, null);
    assertEquals(true, fires("{mutualConnections: '>= 10'}", twelve));
    assertEquals(false, fires("{mutualConnections: '< 10'}", twelve));
    assertEquals(true, fires("{mutualConnections: '12'}", twelve));
    assertEquals(false, fires("{mutualConnections: '>= 0'}", unknown));
    assertEquals(true, fires("{mutualConnections: unknown}", unknown));
  }

  @Test
  void authenticityAndLanguage() {
    Invitation spoofed = invitation(Language.DE, Authenticity.SPOOFED, "x", null, 1);
    assertEquals(true, fires("{authenticity: spoofed}", spoofed));
    assertEquals(true, fires("{authenticity: [unverified, spoofed]}", spoofed));
    assertEquals(false, fires("{authenticity: linkedin}", spoofed));
    assertEquals(true, fires("{language: [de, fr]}", spoofed));
    assertEquals(false, fires("{language: es}", spoofed));
  }

  @Test
  void senderNameDomainAndRecipientLists() {
    Invitation i = new Invitation(origin(Language.EN, Authenticity.LINKEDIN, "Paul Okafor"),
        new Person("José Núñez", Optional.empty(), Optional.empty(),
            Optional.of("https://www.linkedin.com/in/jose")),
        OptionalInt.empty(), Optional.of("write to jose@spam-leads.example"), Optional.empty(),
        Optional.empty(), false);
    assertEquals(true, fires("{senderIn: [jose nunez, Someone Else]}", i));
    assertEquals(false, fires("{senderIn: [José]}", i));
    assertEquals(true, fires("{domainIn: [spam-leads.example]}", i));
    assertEquals(true, fires("{domainIn: [linkedin.com]}", i));
    assertEquals(false, fires("{domainIn: [example.org]}", i));
    assertEquals(true, fires("{recipientIn: [paul okafor]}", i));
    assertEquals(false, fires("{recipientIn: [marta@lindqvist.example]}", i));
  }

  @Test
  void teamSignalsCountInvitesWithinTheWindow() {
    Invitation i = invitation("x", null);
    TeamSignals three = new TeamSignals(
        List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(6), Duration.ofDays(30)),
        true);
    assertEquals(true, fires("{sameSenderInvitedTeammates: '>= 3 within 7d'}", i, three));
    assertEquals(false, fires("{sameSenderInvitedTeammates: '>= 3 within 5d'}", i, three));
    assertEquals(false, fires("{sameSenderInvitedTeammates: '>= 1 within 7d'}", i, TeamSignals.NONE));
    assertEquals(true, fires("{previouslyDeclinedByTeam: true}", i, three));
    assertEquals(false, fires("{previouslyDeclinedByTeam: true}", i, TeamSignals.NONE));
  }

  @Test
  void combinatorsAllAnyNot() {
    Invitation i = invitation("CTO", "we met");
    assertEquals(true, fires("{note: present, headlineHas: [cto]}", i));
    assertEquals(false, fires("{all: [{note: present}, {headlineHas: [ceo]}]}", i));
    assertEquals(true, fires("{any: [{note: absent}, {headlineHas: [cto]}]}", i));
    assertEquals(true, fires("{not: {note: absent}}", i));
  }

  @Test
  void noteHasCountsOnlyPhrasesNoNegationReaches() {
    assertEquals(true, fires("{noteHas: [met]}", invitation("x", "We met at KubeCon.")));
    assertEquals(false, fires("{noteHas: [met]}", invitation("x", "We haven't met yet.")));
    assertEquals(true, fires("{noteHas: [haven't met]}", invitation("x", "We haven't met yet.")));
  }

  @Test
  void noteDeniesHoldsWhereANegationReachesThePhrase() {
    assertEquals(true, fires("{noteDenies: [sell*]}", invitation("x", "I'm not selling anything.")));
    assertEquals(true, fires("{noteDenies: [pitch]}", invitation("x", "No pitch, promise.")));
    assertEquals(false, fires("{noteDenies: [sell*]}", invitation("x", "We sell software.")));
    assertEquals(false, fires("{noteDenies: [met]}", invitation("x", "We met. Not bad!")));
  }

  @Test
  void sentenceNeedsItsPhrasesInOneSentenceAndNoneOfItsExceptions() {
    String c = "{sentence: {has: [demo], and: [next week], without: [mid]}}";
    assertEquals(true, fires(c, invitation("x", "A short demo next week?")));
    assertEquals(false, fires(c, invitation("x", "A short demo. Next week?")));
    assertEquals(false, fires(c, invitation("x", "It died mid-demo next week, ha.")));
    assertEquals(false, fires(c, invitation("x", "No demo next week.")));
    assertEquals(true, fires("{sentence: {has: [demo]}}", invitation("x", "Demo!")));
  }

  @Test
  void atMatchesANameButNotTheGreetedPersonNorASentencesFirstWord() {
    String c = "{noteHas: ['@ suggested']}";
    assertEquals(true, fires(c, invitation("x", "Hi Paul, Dana suggested I write.")));
    assertEquals(false, fires(c, invitation("x", "Hi Paul, she suggested I write.")));
    assertEquals(false, fires(c, invitation("x", "Suggested reading: none.")));
    assertEquals(false, fires(c, invitation("x", "Hi Dana suggested")));
  }

  @Test
  void tildeMatchesAnyFormWithTheSameStemInTheNotesLanguage() {
    String c = "{noteHas: ['meeting~ you']}";
    assertEquals(true, fires(c, invitation("x", "Great meeting you!")));
    assertEquals(true, fires(c, invitation("x", "Nice to meet you!")));
    assertEquals(false, fires(c, invitation("x", "Glad I met you!")));
    assertEquals(true, fires("{noteHas: ['plataforma~']}",
        invitation(Language.ES, Authenticity.LINKEDIN, "x", "Hablamos de las plataformas.", 1)));
  }
}
