package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.doorman.policies.Invitation;
import io.doorman.policies.Notification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestTest {

  @Test
  void givesOneInvitationPerPersonWithItsOwnSourceAndLinks() {
    List<Notification> all =
        Read.all(
            """
            From: LinkedIn <invitations@linkedin.com>
            To: Oskar Lund <oskar@example.com>
            Subject: Oskar, you have 3 pending invitations
            Content-Type: text/plain; charset=utf-8

            Hi Oskar,

            You have 3 pending invitations

            Ana Silva
            Recruiter at Talentia
            12 mutual connections
            Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=801&sharedKey=a
            View profile: https://www.linkedin.com/comm/in/ana-silva

            Ben Okoye
            LION | Open Networker
            Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=802&sharedKey=b
            View profile: https://www.linkedin.com/comm/in/ben-okoye

            Chen Wu
            Student at Example University
            1 mutual connection
            Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=803&sharedKey=c
            View profile: https://www.linkedin.com/comm/in/chen-wu

            See all invitations: https://www.linkedin.com/comm/mynetwork/invitation-manager/
            """);

    assertEquals(3, all.size());
    Invitation ana = (Invitation) all.get(0);
    Invitation ben = (Invitation) all.get(1);
    Invitation chen = (Invitation) all.get(2);
    assertEquals("test.eml#0", ana.origin().source());
    assertEquals("test.eml#2", chen.origin().source());
    assertEquals("Ana Silva", ana.sender().name());
    assertEquals(Optional.of("Recruiter at Talentia"), ana.sender().headline());
    assertEquals(12, ana.mutualConnections().getAsInt());
    assertEquals("Ben Okoye", ben.sender().name());
    assertEquals(Optional.of("LION | Open Networker"), ben.sender().headline());
    assertFalse(ben.mutualConnections().isPresent());
    assertEquals(Optional.of("802"), ben.invitationId());
    assertEquals(Optional.of("https://www.linkedin.com/comm/in/chen-wu"), chen.sender().profileUrl());
    assertEquals(Optional.empty(), chen.note());
  }

  @Test
  void readsAnHtmlOnlyDigestEntryByEntryWithOrWithoutMutualConnections() {
    List<Notification> all = Fixtures.all("digest-html-only.eml");

    assertEquals(4, all.size());
    Invitation first = (Invitation) all.get(0);
    Invitation second = (Invitation) all.get(1);
    assertEquals("digest-html-only.eml#0", first.origin().source());
    assertEquals("Hannah Okoro", first.sender().name());
    assertEquals(7, first.mutualConnections().getAsInt());
    assertEquals("Tomasz Zielinski", second.sender().name());
    assertEquals(Optional.of("LION | Open networker | 30K+"), second.sender().headline());
    assertFalse(second.mutualConnections().isPresent());
    assertEquals(Optional.of("7137194554817937051"), ((Invitation) all.get(3)).invitationId());
    assertEquals(List.of(), first.origin().problems());
  }

  @Test
  void aDigestWhoseEntriesCannotBeReadStillGivesALineThatSaysSo() {
    List<Notification> all =
        Read.all(
            """
            From: LinkedIn <invitations@linkedin.com>
            To: Oskar Lund <oskar@example.com>
            Subject: Oskar, you have 3 new invitations
            X-LinkedIn-Template: email_m2m_invite_digest_01
            Content-Type: text/plain; charset=utf-8

            Hi Oskar,

            You have 3 new invitations

            See all invitations: https://www.linkedin.com/comm/mynetwork/invitation-manager/
            """);

    assertEquals(1, all.size());
    assertEquals(List.of("digest: no entry could be read"), all.get(0).origin().problems());
    assertEquals("test.eml#0", all.get(0).origin().source());
  }
}
