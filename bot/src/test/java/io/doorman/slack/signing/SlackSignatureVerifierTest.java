package io.doorman.slack.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.slack.signing.SlackSignatureVerifier.Result;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {

  // Slack's documented example ("Verifying requests from Slack").
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  private static final byte[] BODY =
      ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
              + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
              + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
              + "%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
          .getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static SlackSignatureVerifier at(long epochSecond) {
    return new SlackSignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void verifiesSlacksDocumentedExample() {
    SlackSignatureVerifier verifier = at(1531420618L);

    assertEquals(EXPECTED, verifier.sign(TIMESTAMP, BODY));
    assertEquals(Result.VALID, verifier.verify(TIMESTAMP, EXPECTED, BODY));
  }

  @Test
  void refusesAForgedSignatureOrAChangedBody() {
    SlackSignatureVerifier verifier = at(1531420618L);

    assertEquals(Result.BAD_SIGNATURE, verifier.verify(TIMESTAMP, EXPECTED.replace('a', 'b'), BODY));
    byte[] changed = BODY.clone();
    changed[0] = 'T';
    assertEquals(Result.BAD_SIGNATURE, verifier.verify(TIMESTAMP, EXPECTED, changed));
  }

  @Test
  void refusesTimestampsOverFiveMinutesOldOrInTheFuture() {
    assertEquals(Result.VALID, at(1531420618L + 300).verify(TIMESTAMP, EXPECTED, BODY));
    assertEquals(Result.STALE_OR_FUTURE_TIMESTAMP, at(1531420618L + 301).verify(TIMESTAMP, EXPECTED, BODY));
    assertEquals(Result.VALID, at(1531420618L - 300).verify(TIMESTAMP, EXPECTED, BODY));
    assertEquals(Result.STALE_OR_FUTURE_TIMESTAMP, at(1531420618L - 301).verify(TIMESTAMP, EXPECTED, BODY));
  }

  @Test
  void refusesMissingOrMalformedHeaders() {
    SlackSignatureVerifier verifier = at(1531420618L);

    assertEquals(Result.MISSING_HEADERS, verifier.verify(null, EXPECTED, BODY));
    assertEquals(Result.MISSING_HEADERS, verifier.verify(TIMESTAMP, null, BODY));
    assertEquals(Result.BAD_TIMESTAMP, verifier.verify("yesterday", EXPECTED, BODY));
  }
}
