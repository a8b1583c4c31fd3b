package io.doorman.policies.engine;

import static io.doorman.policies.engine.Invitations.invitation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.doorman.policies.Action;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Language;
import io.doorman.policies.Person;
import io.doorman.policies.language.PolicyException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Default policy, then team file, then per-recipient overrides. */
class LayeringTest {

  private static final String PITCH = "Hi, we help teams cut costs. Book a 15-minute call?";

  @Test
  void teamFileDisablesADefaultRuleById() throws PolicyException {
    Policy p = PolicyLoader.withDefaults().layer("team.yml", """
        overrides:
          pitch-call-request: {enabled: false}
          pitch-meeting-ask: {enabled: false}
          pitch-offer: {enabled: false}
        """).load();
    assertEquals(Category.SALES_PITCH, Policy.defaults().classify(invitation("x", PITCH)).category());
    assertEquals(Category.GENERIC_NOTE, p.classify(invitation("x", PITCH)).category());
  }

  @Test
  void teamFileReweightsADefaultRule() throws PolicyException {
    Policy p = PolicyLoader.withDefaults().layer("team.yml", """
        overrides:
          lion-headline: {score: {lion: 0, generic-note: 2}}
        """).load();
    assertEquals(Category.GENERIC_NOTE, p.classify(invitation("LION | Open Networker", null)).category());
    assertEquals(Category.LION,
        Policy.defaults().classify(invitation("LION | Open Networker", null)).category());
  }

  @Test
  void teamFileAddsRulesAndChangesActionsAndTimings() throws PolicyException {
    Policy p = PolicyLoader.withDefaults().layer("team.yml", """
        followUpAfter: 5d
        autoDeclineAfter: 3w
        actions: {shared-interest: accept}
        rules:
          - id: our-recruiters
            description: our own recruiting agency
            if: {headlineHas: [Kestrel Talent]}
            then: {score: {personal: 20}}
        """).load();
    assertEquals(Category.PERSONAL,
        p.classify(invitation("Recruiter at Kestrel Talent", "We help teams hire.")).category());
    assertEquals(Action.ACCEPT, p.classify(invitation("x", "Fellow alumni here!")).action());
    assertEquals(Duration.ofDays(5), p.followUpAfter());
    assertEquals(Optional.of(Duration.ofDays(21)), p.autoDeclineAfter());
    assertEquals(Duration.ofDays(10), Policy.defaults().followUpAfter());
    assertEquals(Optional.empty(), Policy.defaults().autoDeclineAfter());
  }

  @Test
  void recipientOverridesApplyOnlyToThatRecipient() throws PolicyException {
    Policy p = PolicyLoader.withDefaults()
        .layer("team.yml", """
            recipients:
              Paul Okafor:
                actions: {generic-note: decline}
            """)
        .recipientLayer("marta@lindqvist.example", "marta.yml", """
            overrides:
              no-note: {score: {no-note: 0, sales-pitch: 1}}
            """)
        .load();
    var forPaul = Invitations.invitation(Invitations.origin(Language.EN, Authenticity.LINKEDIN,
        "paul okafor"), "A B", "x", "I'd love to connect!", 2);
    var forOthers = Invitations.invitation("x", "I'd love to connect!");
    assertEquals(Action.DECLINE, p.classify(forPaul).action());
    assertEquals(Action.ASK, p.classify(forOthers).action());
    var toMarta = Invitations.invitation(Invitations.origin(Language.EN, Authenticity.LINKEDIN,
        "Marta@Lindqvist.example"), "A B", "x", null, 2);
    assertEquals(Category.SALES_PITCH, p.classify(toMarta).category());
  }

  @Test
  void unknownRuleIdInOverridesIsAnErrorWithItsPosition() {
    PolicyException e = assertThrows(PolicyException.class, () ->
        PolicyLoader.withDefaults().layer("team.yml", "overrides:\n  no-such-rule: {enabled: false}\n")
            .load());
    assertEquals("team.yml:2:3: unknown rule id 'no-such-rule' in overrides",
        e.errors().get(0).toString());
  }

  @Test
  void redefiningAnEarlierRuleIdIsAnError() {
    PolicyException e = assertThrows(PolicyException.class, () ->
        PolicyLoader.withDefaults().layer("team.yml", """
            rules:
              - id: no-note
                description: mine
                if: {note: absent}
                then: {score: {no-note: 2}}
            """).load());
    assertEquals("team.yml:2:5: rule id 'no-note' is already defined in default-policy.yml;"
        + " change it under 'overrides' instead", e.errors().get(0).toString());
  }

  @Test
  void templatesOfALaterLayerReplaceOnlyTheLanguagesItGives() throws PolicyException {
    Policy p = PolicyLoader.withDefaults().layer("team.yml", """
        templates:
          clarifyingQuestion:
            en: "Hey {firstName}, do we know each other? - {recipientFirstName}"
        """).load();
    Person jane = Person.named("Jane Doe");
    assertEquals("Hey Jane, do we know each other? - Paul",
        p.clarifyingQuestion(Language.EN, jane, "Paul"));
    assertEquals(Policy.defaults().clarifyingQuestion(Language.DE, jane, "Paul"),
        p.clarifyingQuestion(Language.DE, jane, "Paul"));
  }
}
