package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TemplateTextKeywordTest {

  @Test
  void theKeywordIsTheLongestRequiredLiteral() {
    assertEquals("wants to connect", TemplateText.keywordOf("^(?<name>.{1,80}?) wants to connect(?: with you)?\\.?$"));
    assertEquals("invitation", TemplateText.keywordOf("^You have \\d+ (?:new |pending )*invitations?\\.?$"));
    assertEquals("te ha enviado un", TemplateText.keywordOf("^(?<first>.{1,40}?) te ha enviado un (?:mensaje|nuevo)\\.?$"));
  }

  @Test
  void optionalPartsAndAlternativesGiveNoKeyword() {
    assertEquals("", TemplateText.keywordOf("^(?:Reminder: )?(?<name>.{1,80}?)$"));
    assertEquals("", TemplateText.keywordOf("accept|decline"));
  }
}
