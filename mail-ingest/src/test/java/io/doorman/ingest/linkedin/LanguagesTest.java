package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

  private static String invitation(
      String greeting, String heading, String note, String mutual, String accept, String intended) {
    return """
        From: "Nadia Brook via LinkedIn" <invitations@linkedin.com>
        To: "Oskar Lund" <oskar@example.com>
        Subject: %s
        Content-Type: text/plain; charset=utf-8

        %s

        %s

        %s

        Nadia Brook
        Platform Lead
        %s

        %s:
        https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=7500&sharedKey=k

        %s
        """
        .formatted(heading, greeting, heading, note, mutual, accept, intended);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EN|Hi Oskar,|Nadia Brook wants to connect|5 mutual connections|Accept|This email was intended for Oskar Lund (CTO)",
        "DE|Hallo Oskar,|Nadia Brook möchte sich mit Ihnen vernetzen|5 gemeinsame Kontakte|Annehmen|Diese E-Mail ist für Oskar Lund (CTO) bestimmt.",
        "FR|Bonjour Oskar,|Nadia Brook souhaite se connecter avec vous|5 relations en commun|Accepter|Cet e-mail est destiné à Oskar Lund (CTO)",
        "ES|Hola, Oskar:|Nadia Brook quiere conectar contigo|5 contactos en común|Aceptar|Este email se ha enviado a Oskar Lund (CTO)"
      })
  void readsEachLanguagesTemplateAndNote(
      Language language, String greeting, String heading, String mutual, String accept, String intended) {
    String note = "Note in " + language + ": we met at the conference in Lyon.";

    Invitation i = Read.invitation(invitation(greeting, heading, note, mutual, accept, intended));

    assertEquals(language, i.origin().language());
    assertEquals("Nadia Brook", i.sender().name());
    assertEquals(5, i.mutualConnections().getAsInt());
    assertEquals(Optional.of(note), i.note());
    assertEquals(Optional.of("7500"), i.invitationId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EN|Hi Oskar,|I'd like to add you to my professional network on LinkedIn.|Accept",
        "EN|Hi Oskar,|I'd like to join your LinkedIn network.|Accept",
        "DE|Hallo Oskar,|Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.|Annehmen",
        "FR|Bonjour Oskar,|J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.|Accepter",
        "FR|Bonjour Oskar,|J’aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.|Accepter",
        "ES|Hola, Oskar:|Me gustaría añadirte a mi red profesional en LinkedIn.|Aceptar"
      })
  void treatsLinkedInsDefaultTextAsNoNote(Language language, String greeting, String text, String accept) {
    Invitation i =
        Read.invitation(
            invitation(greeting, "Nadia Brook wants to connect", text, "1 mutual connection", accept, ""));

    assertEquals(Optional.empty(), i.note(), text);
  }
}
