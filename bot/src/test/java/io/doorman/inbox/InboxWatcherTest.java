package io.doorman.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.MailReader;
import io.doorman.intake.Intake;
import io.doorman.metrics.DoormanMetrics;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Database;
import io.doorman.events.Events;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import io.doorman.testing.All;
import io.doorman.testing.Emails;
import io.doorman.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxWatcherTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir Path dir;

  private final String url = "jdbc:h2:mem:inbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private Invitations store;
  private DoormanMetrics metrics;
  private InboxWatcher watcher;

  private InboxWatcher start(Path inbox) throws Exception {
    Database db = Database.at(url, Optional.empty(), Optional.empty());
    db.awaitReady(); // the tests below change the schema behind the store's back
    store = new Invitations(db);
    metrics = new DoormanMetrics();
    Events events = new Events();
    events.listen(metrics::heard);
    Intake intake = new Intake(new MailReader(), Policy.defaults(), new Ingestion(db, Clock.systemUTC()), events);
    watcher = new InboxWatcher(inbox, intake, metrics, 1_000_000, Duration.ofMillis(100), Duration.ofMillis(200),
        Clock.systemUTC());
    watcher.start();
    return watcher;
  }

  @AfterEach
  void stop() throws Exception {
    if (watcher != null) {
      watcher.close();
    }
  }

  @Test
  void createsAMissingInboxAndStoresAFileDroppedIntoItThenMovesIt() throws Exception {
    Path inbox = dir.resolve("inbox");
    start(inbox);
    assertTrue(Files.isDirectory(inbox.resolve(".processed")));

    Emails.drop(inbox, "jane.eml", Emails.invitation(1, "Jane Doe", "Hi Paul, we met at the Denver meetup."));

    Eventually.within(DEADLINE, "jane.eml moved to .processed", () -> Files.exists(inbox.resolve(".processed/jane.eml")));
    assertEquals(1, All.invitations(store).size());
    assertEquals("Jane Doe", All.invitations(store).get(0).senderName());
    assertFalse(Files.exists(inbox.resolve("jane.eml")));
    assertEquals(1, watcher.takenCount());
  }

  @Test
  void aFileIsMovedOnlyAfterItIsStored() throws Exception {
    Path inbox = dir.resolve("inbox");
    start(inbox);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE invitations RENAME TO invitations_away"); // the store now fails every ingest
    }

    Emails.drop(inbox, "a.eml", Emails.invitation(2));
    Eventually.within(DEADLINE, "a failed attempt to store a.eml", () -> watcher.status().detail().contains("cannot store a.eml"));
    assertTrue(Files.exists(inbox.resolve("a.eml")), "not stored, so it stays in the inbox");
    assertFalse(Files.exists(inbox.resolve(".processed/a.eml")));
    assertFalse(Files.exists(inbox.resolve(".failed/a.eml")), "a store failure is not the email's fault");

    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE invitations_away RENAME TO invitations");
    }
    Eventually.within(DEADLINE, "a.eml stored and moved once the store is back",
        () -> Files.exists(inbox.resolve(".processed/a.eml")));
    assertEquals(1, All.invitations(store).size());
  }

  @Test
  void aFileThatIsNotAnEmailGoesToFailedWithItsReason() throws Exception {
    Path inbox = dir.resolve("inbox");
    start(inbox);
    Emails.drop(inbox, "junk.eml", "\u0000\u0001 this is not an email at all");

    Eventually.within(DEADLINE, "junk.eml set aside", () -> Files.exists(inbox.resolve(".failed/junk.eml.reason")));
    assertTrue(Files.exists(inbox.resolve(".failed/junk.eml")), "kept, never deleted");
    assertTrue(Files.readString(inbox.resolve(".failed/junk.eml.reason")).contains("not an email"));
    assertEquals(0, All.invitations(store).size());
    assertEquals(1, watcher.failedCount());
  }

  @Test
  void aFileOverTheSizeLimitIsSetAsideUnread() throws Exception {
    Path inbox = dir.resolve("inbox");
    start(inbox);
    Emails.drop(inbox, "huge.eml", "X-Big: " + "x".repeat(1_000_001) + "\n\nbody\n");
    Eventually.within(DEADLINE, "huge.eml set aside", () -> Files.exists(inbox.resolve(".failed/huge.eml.reason")));
    assertTrue(Files.readString(inbox.resolve(".failed/huge.eml.reason")).contains("over the 1000000-byte limit"));
  }

  @Test
  void takesMaildirNewAndCurAndLeavesTmpAlone() throws Exception {
    Path maildir = dir.resolve("Maildir");
    for (String sub : new String[] {"new", "cur", "tmp"}) {
      Files.createDirectories(maildir.resolve(sub));
    }
    Files.writeString(maildir.resolve("tmp/1700000000.M1.host"), Emails.invitation(3));
    Emails.drop(maildir.resolve("new"), "1700000001.M2.host", Emails.invitation(4));
    Emails.drop(maildir.resolve("cur"), "1700000002.M3.host:2,S", Emails.invitation(5));
    start(maildir);

    Eventually.within(DEADLINE, "new/ and cur/ taken", () -> All.invitations(store).size() == 2);
    Eventually.within(DEADLINE, "both moved", () -> Files.exists(maildir.resolve(".processed/1700000002.M3.host:2,S"))
        && Files.exists(maildir.resolve(".processed/1700000001.M2.host")));
    assertTrue(Files.exists(maildir.resolve("tmp/1700000000.M1.host")), "tmp/ is being written: never taken");
  }

  @Test
  void aSecondFileOfTheSameNameNeverReplacesTheFirst() throws Exception {
    Path inbox = dir.resolve("inbox");
    start(inbox);
    Emails.drop(inbox, "same.eml", Emails.invitation(6));
    Eventually.within(DEADLINE, "first moved", () -> Files.exists(inbox.resolve(".processed/same.eml")));
    Emails.drop(inbox, "same.eml", Emails.invitation(7));
    Eventually.within(DEADLINE, "second moved beside it", () -> Files.exists(inbox.resolve(".processed/same.eml.1")));
    assertEquals(2, All.invitations(store).size());
  }

  @Test
  void aFileStillBeingWrittenIsTakenOnlyOnceItSettles() throws Exception {
    Path inbox = dir.resolve("inbox");
    start(inbox);
    Path growing = inbox.resolve("growing.eml");
    String mail = Emails.invitation(8);
    Files.writeString(growing, mail.substring(0, 40)); // half an email, just written
    Files.writeString(growing, mail.substring(40), java.nio.file.StandardOpenOption.APPEND);
    Eventually.within(DEADLINE, "growing.eml taken", () -> Files.exists(inbox.resolve(".processed/growing.eml")));
    assertEquals(1, All.invitations(store).size());
    assertEquals("Person Number8", All.invitations(store).get(0).senderName());
  }
}
