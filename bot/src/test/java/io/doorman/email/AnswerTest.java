package io.doorman.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.RawMail;
import io.doorman.lifecycle.Decision;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.MimeReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerTest {

  private static MimeMail mail(String headers, String body) throws Exception {
    String text = "From: Alice <Alice@Example.com>\r\n" + headers + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body.replace("\n", "\r\n");
    return new MimeReader().read(new RawMail("t", text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Optional<Decision> word(String body) throws Exception {
    return said(body).map(Answer.Said::decision);
  }

  private static Optional<Answer.Said> said(String body) throws Exception {
    return Answer.said(mail("To: doorman@example.com\r\n", body));
  }

  @Test
  void theWordIsTheFirstLineThatIsNotQuoted() throws Exception {
    assertEquals(Optional.of(Decision.DECLINE), word("Decline.\n\n> accept\n"));
    assertEquals(Optional.of(Decision.ACCEPT), word("\n\n  accept - I know her\n"));
    assertEquals(Optional.of(Decision.WAIT), word("> ask\n\nwait\n"));
    assertEquals(Optional.of(Decision.ASK), word("ASK\n"));
  }

  @Test
  void whatFollowsAskOnItsLineIsTheQuestionAsAsked() throws Exception {
    assertEquals(Optional.of("Hi Jane, did we meet in Denver?"),
        said("ask: Hi Jane, did we meet in Denver?\n\n> quoted\n").orElseThrow().question());
    assertEquals(Optional.empty(), said("ask\n").orElseThrow().question());
    assertEquals(Optional.empty(), said("decline - not for me\n").orElseThrow().question(), "only an ask has one");
  }

  @Test
  void noWordWhenTheFirstLineSaysSomethingElseOrOnlyTheQuoteHasOne() throws Exception {
    assertEquals(Optional.empty(), word("I think we should accept\n"));
    assertEquals(Optional.empty(), word("On Tue, 1 Dec 2026, Doorman wrote:\n> decline\n"));
    assertEquals(Optional.empty(), word("acceptable\n"));
    assertEquals(Optional.empty(), word(""));
  }

  @Test
  void tokensComeFromThePlusAddressAndTheSubject() throws Exception {
    MimeMail m = mail("To: \"Doorman\" <doorman+12-abc@example.com>, bob@example.com\r\n"
        + "Subject: Re: Doorman: Dana - decline [doorman #12 12-def]\r\n", "decline\n");
    assertTrue(Answer.isAddressedToDoorman(m, "doorman@example.com"));
    Answer a = Answer.read(m, "doorman@example.com");
    assertEquals(Optional.of("alice@example.com"), a.from());
    assertEquals(List.of("12-abc", "12-def"), a.tokens());
    assertFalse(a.automatic());
  }

  @Test
  void ordinaryMailAndAutomaticRepliesAreToldApart() throws Exception {
    assertFalse(Answer.isAddressedToDoorman(mail("To: doorman@example.com\r\nSubject: lunch\r\n", "hi"),
        "doorman@example.com"));
    assertFalse(Answer.isAddressedToDoorman(mail("To: doorman+x@other.example\r\n", "hi"), "doorman@example.com"));
    assertTrue(Answer.read(mail("To: doorman+1-a@example.com\r\nAuto-Submitted: auto-replied\r\n", "Out of office"),
        "doorman@example.com").automatic());
  }
}
