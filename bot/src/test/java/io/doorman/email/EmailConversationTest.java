package io.doorman.email;

import io.doorman.testing.All;
import static io.doorman.mail.Mailboxes.ALICE;
import static io.doorman.mail.Mailboxes.BOB;
import static io.doorman.mail.Mailboxes.CAROL;
import static io.doorman.mail.Mailboxes.DOORMAN;
import static io.doorman.mail.Mailboxes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.doorman.lifecycle.State;
import io.doorman.mail.Mailboxes;
import io.doorman.store.AuditEntry;
import io.doorman.store.StoredInvitation;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Done-when 1: forward to Doorman's mailbox, get the verdict by email, answer it by email. */
class EmailConversationTest {

  @TempDir Path dir;
  private Conversation doorman;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void start() {
    doorman = new Conversation(dir);
    logs.start();
    ((Logger) LoggerFactory.getLogger(EmailConversations.class)).addAppender(logs);
    doorman.imap.tick();
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(EmailConversations.class)).detachAppender(logs);
    doorman.close();
  }

  private Mailboxes mail() {
    return doorman.mail;
  }

  /** Alice forwards the sales pitch; answers her reply's token. */
  private StoredInvitation forwardPitch() throws Exception {
    mail().forwardAsAttachment(ALICE, Mailboxes.sample("03-invitation-sales-pitch.eml", 0));
    await(() -> mail().count("Doorman/Processed") == 1, "the forward stored and moved to the processed folder");
    List<StoredInvitation> all = All.invitations(doorman.store);
    assertEquals(1, all.size());
    await(() -> mail().inboxOf(ALICE).size() == 1, "the reply to Alice");
    return all.get(0);
  }

  private static String token(String replyTo) {
    return replyTo.substring(replyTo.indexOf('+') + 1, replyTo.indexOf('@'));
  }

  @Test
  void forwarderGetsTheVerdictAndTheirDeclineIsRecordedThroughTheEmailChannel() throws Exception {
    StoredInvitation inv = forwardPitch();
    assertEquals("sales-pitch", inv.category());
    assertEquals(0, mail().count("INBOX"));

    Mailboxes.Received reply = mail().inboxOf(ALICE).get(0);
    assertTrue(reply.subject().contains("Dana Voss - decline (sales-pitch)"), reply.subject());
    assertTrue(reply.subject().contains("[doorman #" + inv.id() + " " + inv.id() + "-"), reply.subject());
    assertTrue(reply.replyTo().startsWith("doorman+" + inv.id() + "-"), reply.replyTo());
    assertTrue(reply.text().contains("Why:"), reply.text());
    assertTrue(reply.text().contains("sales-pitch"), reply.text());
    assertTrue(reply.text().contains("Hi Dana, thanks for the invitation! Have we met?"), reply.text());

    // Alice's mail program answers to the +token address; her mail server delivers it to Doorman.
    String token = token(reply.replyTo());
    mail().sendText(ALICE, "doorman+" + token + "@example.com", "Re: " + reply.subject(),
        "Decline.\n\nOn Tue, 1 Dec 2026, Doorman wrote:\n> accept\n", DOORMAN);

    await(() -> doorman.store.find(inv.id()).orElseThrow().state() == State.DECLINED, "the decline recorded");
    AuditEntry last = doorman.store.history(inv.id()).get(doorman.store.history(inv.id()).size() - 1);
    assertEquals("email", last.channel());
    assertEquals(ALICE, last.actor());
    assertEquals(State.DECLINED, last.to());
    await(() -> mail().inboxOf(ALICE).size() == 2, "the confirmation");
    assertTrue(mail().inboxOf(ALICE).get(1).text().contains("recorded: now declined"));
    await(() -> mail().count("Doorman/Processed") == 2, "the answer moved to the processed folder too");
  }

  @Test
  void aGmailInlineForwardIsStoredAndRepliedToo() throws Exception {
    String original = new String(Mailboxes.sample("06-invitation-german-mutual.eml", 0), StandardCharsets.UTF_8);
    String body = original.substring(original.indexOf("\n\n") + 2);
    mail().sendText(ALICE, DOORMAN, "Fwd: Einladung", "Kennst du ihn?\n\n---------- Forwarded message ---------\n"
        + "From: Jonas Keller via LinkedIn <invitations@linkedin.com>\n"
        + "Date: Tue, 17 Nov 2026 at 09:00\nSubject: Jonas Keller möchte sich vernetzen\n"
        + "To: Alex Morgan <alex.morgan@example.com>\n\n" + body, DOORMAN);
    await(() -> mail().count("Doorman/Processed") == 1, "stored");
    StoredInvitation inv = All.invitations(doorman.store).get(0);
    assertEquals("Jonas Keller", inv.senderName());
    await(() -> mail().inboxOf(ALICE).size() == 1, "the reply");
    Mailboxes.Received reply = mail().inboxOf(ALICE).get(0);
    assertTrue(reply.subject().contains("Jonas Keller - " + inv.suggestedAction()), reply.subject());
    assertTrue(reply.text().contains("Hallo Jonas, danke für die Einladung! Kennen wir uns?"),
        "the question in the invitation's language: " + reply.text());
  }

  @Test
  void forgedAnswersAreIgnoredAndLoggedAndDecideNothing() throws Exception {
    StoredInvitation inv = forwardPitch();
    String token = token(mail().inboxOf(ALICE).get(0).replyTo());

    // No token at all, though it names the invitation.
    mail().sendText(ALICE, DOORMAN, "Re: [doorman #" + inv.id() + "]", "accept", DOORMAN);
    // Alice's token, sent by Bob (whose domain is allowed): a token is for one address only.
    mail().sendText(BOB, "doorman+" + token + "@example.com", "Re: [doorman #" + inv.id() + " " + token + "]",
        "accept", DOORMAN);
    // A made-up token.
    mail().sendText(ALICE, "doorman+" + inv.id() + "-000000000000000000000000@example.com", "Re: hi", "accept", DOORMAN);

    await(() -> mail().count("Doorman/Review") == 3, "the three forged answers moved for review");
    assertEquals(State.PENDING, doorman.store.find(inv.id()).orElseThrow().state());
    assertEquals(1, doorman.store.history(inv.id()).size(), "only the ingest in the audit log");
    List<String> warnings = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("ignored an answer")).toList();
    assertEquals(3, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("it has no token"), warnings.get(0));
    assertTrue(warnings.get(1).contains(BOB) && warnings.get(1).contains("does not match this sender"), warnings.get(1));
    assertEquals(0, mail().inboxOf(BOB).size(), "nothing sent to a forger");
    assertEquals(1, mail().inboxOf(ALICE).size());
  }

  @Test
  void mailThatIsNotLinkedInGoesToReviewAndUnreadableMailIsKept() throws Exception {
    mail().sendText(BOB, DOORMAN, "Lunch?", "Are you free on Friday?", DOORMAN);
    await(() -> mail().count("Doorman/Review") == 1, "non-LinkedIn mail moved for review");

    MimeMessage huge = new MimeMessage(Session.getInstance(new Properties()));
    huge.setFrom(new InternetAddress(BOB));
    huge.setRecipient(Message.RecipientType.TO, new InternetAddress(DOORMAN));
    huge.setSubject("broken");
    huge.setHeader("X-Broken", "a".repeat(20_000)); // over the 16 KB header-line limit
    huge.setText("body");
    mail().send(huge, DOORMAN);
    await(() -> mail().count("Doorman/Review") == 2, "unreadable mail moved for review, not lost");
    assertEquals(0, mail().count("INBOX"));
    assertEquals(0, mail().count("Doorman/Processed"));
    assertEquals(0, All.invitations(doorman.store).size());
    assertEquals(0, mail().inboxOf(BOB).size(), "no replies to what was not stored");
  }

  @Test
  void forwardersOutsideTheAllowListGetNoReply() throws Exception {
    mail().forwardAsAttachment(CAROL, Mailboxes.sample("02-invitation-no-note.eml", 0));
    await(() -> mail().count("Doorman/Processed") == 1, "stored");
    assertEquals(1, All.invitations(doorman.store).size());
    // Alice forwards another one; when her reply is there, Carol's would have been too.
    mail().forwardAsAttachment(ALICE, Mailboxes.sample("04-invitation-lion.eml", 0));
    await(() -> mail().inboxOf(ALICE).size() == 1, "Alice's reply");
    assertEquals(0, mail().inboxOf(CAROL).size());
  }

  @Test
  void theSameForwardTwiceIsRepliedToOnce() throws Exception {
    forwardPitch();
    mail().forwardAsAttachment(ALICE, Mailboxes.sample("03-invitation-sales-pitch.eml", 0));
    await(() -> mail().count("Doorman/Processed") == 2, "second forward stored");
    mail().forwardAsAttachment(ALICE, Mailboxes.sample("04-invitation-lion.eml", 0));
    await(() -> mail().inboxOf(ALICE).size() == 2, "reply to the third");
    assertTrue(mail().inboxOf(ALICE).get(1).subject().contains("lion"), mail().inboxOf(ALICE).get(1).subject());
    assertEquals(2, All.invitations(doorman.store).size());
  }
}
