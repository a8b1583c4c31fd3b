package io.doorman.policies.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Action;
import io.doorman.policies.Language;
import io.doorman.policies.Reply;
import io.doorman.policies.ReplyClass;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers to "Have we met?" in four languages, one per reply class at least. */
class DefaultPolicyRepliesTest {

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      met                 | EN | Yes! We chatted at the Kubernetes meetup in Leeds last spring.
      met                 | DE | Ja, wir haben uns auf der Hannover Messe kennengelernt.
      met                 | FR | Oui, nous nous sommes rencontrés au forum RH de Nantes.
      met                 | ES | Sí, nos conocimos en la feria de Sevilla.
      mutual-acquaintance | EN | We haven't, but Priya Shah suggested I connect with you.
      mutual-acquaintance | DE | Nein, aber Anna Roth hat mir empfohlen, Sie zu kontaktieren.
      mutual-acquaintance | FR | Non, mais c'est Paul Morel qui m'a conseillé de vous écrire.
      mutual-acquaintance | ES | No, pero Lucía Gil me sugirió que te escribiera.
      shared-interest     | EN | Not in person, but we're both members of the Leeds Data Guild.
      shared-interest     | DE | Noch nicht, aber wir sind beide in der Usergroup Bremen.
      shared-interest     | FR | Pas encore, mais nous faisons tous les deux partie du club DevOps.
      shared-interest     | ES | Todavía no, pero los dos estamos en la comunidad Go Madrid.
      not-met             | EN | No, sorry, we haven't met.
      not-met             | DE | Nein, wir kennen uns nicht.
      not-met             | FR | Non, je ne crois pas.
      not-met             | ES | No, creo que no.
      pitch               | EN | Not yet! We help finance teams close books faster. Quick call on Friday?
      pitch               | DE | Noch nicht! Wir helfen Händlern, Retouren zu senken. Haben Sie 15 Minuten?
      pitch               | FR | Pas encore ! Nous aidons les PME à recruter. Avez-vous 20 minutes ?
      pitch               | ES | ¡Aún no! Ayudamos a pymes a vender más. ¿Tienes 15 minutos?
      """)
  void classifiesAnswers(String expected, Language lang, String text) {
    Reply r = Policy.defaults().classifyReply(Invitations.message(lang, text));
    assertEquals(expected, r.replyClass().wireName(), r.reasons().toString());
  }

  static Stream<String> replies() throws IOException {
    try (InputStream in = DefaultPolicyRepliesTest.class.getResourceAsStream("replies.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void classifiesAnswersOfTheFixtureFile(String line) {
    String[] f = line.split(" :: ", 3);
    Reply r = Policy.defaults().classifyReply(
        Invitations.message(Language.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2]));
    assertEquals(f[0], r.replyClass().wireName(), r.reasons().toString());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"MET,ACCEPT", "MUTUAL_ACQUAINTANCE,REVIEW", "SHARED_INTEREST,REVIEW",
      "NOT_MET,DECLINE", "PITCH,DECLINE"})
  void defaultActionsFollowTheContract(ReplyClass replyClass, Action action) {
    String text = switch (replyClass) {
      case MET -> "Yes, we met at the meetup.";
      case MUTUAL_ACQUAINTANCE -> "Sam Lee suggested I reach out.";
      case SHARED_INTEREST -> "We're both members of the Rust group.";
      case NOT_MET -> "No.";
      case PITCH -> "We help teams ship faster, quick call?";
    };
    Reply r = Policy.defaults().classifyReply(Invitations.message(Language.EN, text));
    assertEquals(replyClass, r.replyClass());
    assertEquals(action, r.action());
  }
}
