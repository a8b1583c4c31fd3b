package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordingKeywordTest {

  @Test
  void theKeywordIsTheLongestRequiredLiteral() {
    assertEquals("wants to connect", Wording.keywordOf("^(?<name>.{1,80}?) wants to connect(?: with you)?\\.?$"));
    assertEquals("invitation", Wording.keywordOf("^You have \\d+ (?:new |pending )*invitations?\\.?$"));
    assertEquals("te ha enviado un", Wording.keywordOf("^(?<first>.{1,40}?) te ha enviado un (?:mensaje|nuevo)\\.?$"));
  }

  @Test
  void optionalPartsAndAlternativesGiveNoKeyword() {
    assertEquals("", Wording.keywordOf("^(?:Reminder: )?(?<name>.{1,80}?)$"));
    assertEquals("", Wording.keywordOf("accept|decline"));
  }
}
