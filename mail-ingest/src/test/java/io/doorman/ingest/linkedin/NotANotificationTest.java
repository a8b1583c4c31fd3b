package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Kind;
import io.doorman.policies.Notification;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * LinkedIn's mail that Doorman does not act on (news, articles, "what you missed", job alerts) is
 * kind other, with its authenticity judged like any of LinkedIn's mail and no problem; a LinkedIn
 * email of a template Doorman does not know is other too, but says so.
 */
class NotANotificationTest {

  @ParameterizedTest
  @ValueSource(strings = {"other-news.eml", "other-pulse-article.eml", "other-what-you-missed.eml", "other-job-alert.eml"})
  void isOtherWithoutAProblem(String fixture) {
    Notification n = Fixtures.one(fixture);

    assertEquals(Kind.OTHER, n.kind());
    assertEquals(Authenticity.LINKEDIN, n.origin().authenticity());
    assertEquals(List.of(), n.origin().problems());
  }

  @Test
  void anUnknownLinkedInTemplateIsOtherWithAProblem() {
    Notification n = Fixtures.one("other-unknown-template.eml");

    assertEquals(Kind.OTHER, n.kind());
    assertEquals(1, n.origin().problems().size());
    assertTrue(n.origin().problems().get(0).contains("email_cap_mebc_ptsm"), n.origin().problems().toString());
  }
}
