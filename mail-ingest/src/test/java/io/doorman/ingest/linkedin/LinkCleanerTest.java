package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinkCleanerTest {

  @Test
  void removesTrackingParametersAndKeepsTheRest() {
    assertEquals(
        "https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=1&sharedKey=k",
        LinkCleaner.clean(
            "https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=1&sharedKey=k"
                + "&trk=eml-accept&trkEmail=x&lipi=urn%3Ali&midToken=AQ&midSig=s&utm_source=mail"));
  }

  @Test
  void dropsTheQuestionMarkWhenNothingIsLeft() {
    assertEquals(
        "https://www.linkedin.com/comm/in/jane",
        LinkCleaner.clean("https://www.linkedin.com/comm/in/jane?midToken=AQ&trk=p"));
  }

  @Test
  void keepsAFragment() {
    assertEquals(
        "https://www.linkedin.com/in/jane#about",
        LinkCleaner.clean("https://www.linkedin.com/in/jane?trk=p#about"));
  }
}
