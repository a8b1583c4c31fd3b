package io.doorman.ingest.imap;

import io.doorman.ingest.RawMail;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.doorman.ingest.tls.TlsMode;
import io.doorman.ingest.tls.TlsProblem;
import jakarta.mail.AuthenticationFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one IMAP folder on a thread of its own until closed: each message goes to the handler,
 * then to the processed folder (or is flagged), to the review folder, or stays for a retry. New
 * mail is waited for with IDLE, re-issued every {@code idleRenew}; without IDLE the folder is
 * polled. A lost connection is re-made after a capped exponential backoff; whatever was not moved
 * is simply read again, so nothing is lost (the handler must be idempotent, as Intake is).
 */
public final class ImapSource implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ImapSource.class);

  /** The keyword set on stored mail when {@code imap.mark=flag}. */
  static final String PROCESSED_KEYWORD = "$DoormanProcessed";
  /** Bigger messages are not downloaded: no LinkedIn notification comes near this. */
  static final long MAX_MESSAGE_BYTES = 25L * 1024 * 1024;
  /** A sweep takes messages in chunks of at most this many, or this many bytes. */
  static final int CHUNK_MESSAGES = 50;
  static final long CHUNK_BYTES = 8L * 1024 * 1024;

  private final ImapSettings settings;
  private final MailHandler handler;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduledExecutorService watchdog;
  private final Object lock = new Object();
  private final Map<Long, Instant> retryAt = new HashMap<>();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong toReview = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong idles = new AtomicLong();

  private volatile boolean running;
  private volatile IMAPFolder idling;
  private volatile ImapStatus.State state = ImapStatus.State.STARTING;
  private volatile Instant since;
  private volatile Optional<String> lastError = Optional.empty();
  private Thread thread;
  private boolean pausing; // guarded by lock
  private long uidValidity = -1;

  public ImapSource(ImapSettings settings, MailHandler handler, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.handler = handler;
    this.clock = clock;
    this.sleeper = sleeper;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "imap-idle-renew");
      t.setDaemon(true);
      return t;
    });
    this.since = clock.instant();
  }

  /** Starts reading on a thread of its own; returns at once. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = new Thread(this::run, "imap " + settings.mailbox());
    thread.setDaemon(true);
    thread.start();
  }

  public ImapStatus status() {
    return new ImapStatus(state, since, lastError, stored.get(), toReview.get(), failed.get(), idles.get());
  }

  public ImapSettings settings() {
    return settings;
  }

  /**
   * Stops taking mail: the message in hand is finished (handled and moved), then the connection is
   * closed. Waits up to 30 seconds.
   */
  @Override
  public void close() {
    running = false;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      try {
        while (t.isAlive() && System.nanoTime() < deadline) {
          synchronized (lock) {
            if (pausing) {
              t.interrupt();
            }
          }
          IMAPFolder f = idling;
          if (f != null) {
            endIdle(f);
          }
          t.join(100);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        log.warn("IMAP {}: still busy after 30 s; leaving it to finish", settings.mailbox());
      }
    }
    watchdog.shutdownNow();
    enter(ImapStatus.State.STOPPED, lastError);
  }

  /** Refused logins in a row after which Doorman stops trying for {@link #AFTER_REFUSED_LOGINS}. */
  static final int REFUSED_LOGINS = 3;

  /** How long to wait after refused logins before trying again (or restart with new settings). */
  static final Duration AFTER_REFUSED_LOGINS = Duration.ofMinutes(30);

  private void run() {
    Backoff backoff = new Backoff(settings.backoffFirst(), settings.backoffMax());
    int refused = 0;
    while (running) {
      try {
        serve(backoff);
      } catch (MessagingException | IOException | RuntimeException e) {
        if (!running) {
          break;
        }
        String problem = describe(e);
        log.debug("IMAP {}: connection failed", settings.mailbox(), e);
        refused = e instanceof AuthenticationFailedException ? refused + 1 : 0;
        if (refused >= REFUSED_LOGINS) {
          enter(ImapStatus.State.LOGIN_REFUSED, Optional.of(problem));
          log.error("IMAP {}: {}; refused {} times, trying again in {} min (or restart with new settings)",
              settings.mailbox(), problem, refused, AFTER_REFUSED_LOGINS.toMinutes());
          pause(AFTER_REFUSED_LOGINS);
          continue;
        }
        Duration wait = backoff.next();
        enter(ImapStatus.State.RECONNECTING, Optional.of(problem));
        log.warn("IMAP {}: {}; reconnecting in {} s", settings.mailbox(), problem, wait.toMillis() / 1000.0);
        pause(wait);
      }
    }
    enter(ImapStatus.State.STOPPED, lastError);
  }

  /** One connection: returns when closed, throws when the connection fails. */
  private void serve(Backoff backoff) throws MessagingException, IOException {
    IMAPStore store = connect();
    IMAPFolder inbox = null;
    try {
      inbox = (IMAPFolder) store.getFolder(settings.folder());
      inbox.open(Folder.READ_WRITE);
      Folder processed = settings.mark() == ImapSettings.Mark.MOVE ? ensure(store, settings.processedFolder()) : null;
      Folder review = ensure(store, settings.reviewFolder());
      long validity = inbox.getUIDValidity();
      if (validity != uidValidity) {
        retryAt.clear(); // UIDs of another folder generation mean nothing
        uidValidity = validity;
      }
      boolean canIdle = store.hasCapability("IDLE");
      IMAPFolder watched = inbox;
      inbox.addMessageCountListener(new MessageCountAdapter() {
        @Override
        public void messagesAdded(MessageCountEvent e) {
          // New mail announced when IDLE began (not during it) would otherwise wait for the renew.
          if (idling == watched) {
            endIdle(watched);
          }
        }
      });
      backoff.reset();
      enter(ImapStatus.State.CONNECTED, lastError);
      log.info("IMAP {}: connected{}", settings.mailbox(), canIdle ? ", waiting with IDLE" : ", polling (no IDLE)");
      while (running) {
        int left = sweep(store, inbox, processed, review);
        if (!running) {
          break;
        }
        int onServer = serverCount(inbox); // its response may announce mail, counted at once
        int known = known(inbox);
        if (known > left) {
          continue; // mail came in while sweeping
        }
        if (onServer > known) {
          // The server's updates and our view disagree (GreenMail can announce a message that came
          // in during a MOVE as already known): select the folder anew rather than miss it.
          inbox.close(false);
          inbox.open(Folder.READ_WRITE);
          continue;
        }
        Duration wait = untilNextRetry(canIdle ? settings.idleRenew() : settings.pollInterval());
        if (canIdle) {
          idle(inbox, wait);
        } else {
          pause(wait);
          noop(inbox);
        }
      }
    } finally {
      closeQuietly(inbox, store);
    }
  }

  private IMAPStore connect() throws MessagingException, IOException {
    TlsMode tls = settings.tls();
    String protocol = tls == TlsMode.IMPLICIT ? "imaps" : "imap";
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put("mail.store.protocol", protocol);
    props.put(p + "host", settings.host());
    props.put(p + "port", Integer.toString(settings.port()));
    props.put(p + "connectiontimeout", Long.toString(settings.timeout().toMillis()));
    props.put(p + "timeout", Long.toString(settings.timeout().toMillis())); // reads; a quiet IDLE is not cut by it
    props.put(p + "peek", "true"); // reading does not set \Seen
    props.put("mail.debug", System.getProperty("doorman.mail.debug", "false"));
    switch (tls) {
      case IMPLICIT -> {
        props.put(p + "ssl.enable", "true");
        props.put(p + "ssl.socketFactory", settings.trust().socketFactory());
        props.put(p + "socketFactory.fallback", "false"); // never retried with the JVM's factory
        props.put(p + "ssl.checkserveridentity", "true");
      }
      case STARTTLS -> {
        props.put(p + "starttls.enable", "true");
        props.put(p + "starttls.required", "true"); // no login without it
        props.put(p + "ssl.socketFactory", settings.trust().socketFactory());
        props.put(p + "socketFactory.fallback", "false");
        props.put(p + "ssl.checkserveridentity", "true");
      }
      case NONE -> { // no TLS required, but used when the server offers STARTTLS
        props.put(p + "starttls.enable", "true");
        props.put(p + "ssl.socketFactory", settings.trust().socketFactory());
        props.put(p + "socketFactory.fallback", "false");
      }
    }
    String secret;
    if (settings.auth() instanceof ImapSettings.OAuth2 oauth) {
      props.put(p + "auth.mechanisms", "XOAUTH2");
      secret = oauth.tokens().token();
    } else {
      secret = ((ImapSettings.Password) settings.auth()).password();
    }
    IMAPStore store = (IMAPStore) Session.getInstance(props).getStore(protocol);
    store.connect(settings.host(), settings.port(), settings.user(), secret);
    return store;
  }

  /** The folder, created when missing; {@code /} in the name is the server's hierarchy separator. */
  private static Folder ensure(Store store, String name) throws MessagingException {
    char separator = store.getDefaultFolder().getSeparator();
    Folder folder = store.getFolder(separator == '/' ? name : name.replace('/', separator));
    if (!folder.exists()) {
      if (!folder.create(Folder.HOLDS_MESSAGES)) {
        throw new MessagingException("cannot create the folder " + name);
      }
      log.info("IMAP: created the folder {}", name);
    }
    return folder;
  }

  /**
   * Hands every waiting message to the handler; answers how many of the messages this connection
   * knew at the start it left in the folder (failed ones, and all of them in flag mode). Messages
   * go in chunks: one FETCH brings a chunk's bytes, one MOVE (or STORE) per destination follows
   * once the handler has taken each, so a backlog costs a few round trips per chunk, not per
   * message.
   */
  private int sweep(IMAPStore store, IMAPFolder inbox, Folder processed, Folder review)
      throws MessagingException, IOException {
    boolean flagMode = processed == null;
    int knownAtStart = known(inbox);
    Message[] messages = flagMode
        ? inbox.search(new NotTerm(new FlagTerm(new Flags(PROCESSED_KEYWORD), true)))
        : inbox.getMessages();
    if (messages.length == 0) {
      return knownAtStart;
    }
    FetchProfile ids = new FetchProfile();
    ids.add(UIDFolder.FetchProfileItem.UID);
    ids.add(FetchProfile.Item.SIZE);
    inbox.fetch(messages, ids);
    int moved = 0;
    List<Message> chunk = new ArrayList<>();
    long chunkBytes = 0;
    for (Message message : messages) {
      if (!running) {
        break;
      }
      if (message.isExpunged()) {
        continue;
      }
      Instant due = retryAt.get(inbox.getUID(message));
      if (due != null && clock.instant().isBefore(due)) {
        continue;
      }
      chunk.add(message);
      chunkBytes += Math.max(0, message.getSize());
      if (chunk.size() >= CHUNK_MESSAGES || chunkBytes >= CHUNK_BYTES) {
        moved += takeChunk(store, inbox, chunk, processed, review);
        chunk.clear();
        chunkBytes = 0;
      }
    }
    if (!chunk.isEmpty() && running) {
      moved += takeChunk(store, inbox, chunk, processed, review);
    }
    return knownAtStart - moved;
  }

  /** Takes one chunk; answers how many messages left the folder. */
  private int takeChunk(IMAPStore store, IMAPFolder inbox, List<Message> chunk, Folder processed, Folder review)
      throws MessagingException, IOException {
    Message[] small = chunk.stream().filter(m -> size(m) <= MAX_MESSAGE_BYTES).toArray(Message[]::new);
    FetchProfile bodies = new FetchProfile();
    bodies.add(IMAPFolder.FetchProfileItem.MESSAGE); // BODY.PEEK[]: the bytes as the server keeps them
    inbox.fetch(small, bodies);
    List<Message> done = new ArrayList<>();
    List<Message> forReview = new ArrayList<>();
    for (Message message : chunk) {
      if (!running) {
        break; // closing: what was taken is still moved below
      }
      long uid = inbox.getUID(message);
      String source = "imap:" + settings.mailbox() + "#" + uid;
      Disposition d;
      try {
        d = take(message, source);
      } catch (MessageRemovedException e) {
        continue; // someone else moved it meanwhile
      }
      switch (d) {
        case STORED -> {
          retryAt.remove(uid);
          done.add(message);
          stored.incrementAndGet();
        }
        case NOT_LINKEDIN, UNREADABLE -> {
          retryAt.remove(uid);
          forReview.add(message);
          toReview.incrementAndGet();
        }
        case FAILED -> {
          retryAt.put(uid, clock.instant().plus(settings.retryFailedAfter()));
          failed.incrementAndGet();
          log.warn("IMAP {}: {} could not be taken now; left in {} for a retry in {}", settings.mailbox(),
              source, settings.folder(), settings.retryFailedAfter());
        }
      }
    }
    int moved = forReview.size();
    if (processed == null) {
      Flags mark = new Flags(Flags.Flag.SEEN);
      mark.add(PROCESSED_KEYWORD);
      if (!done.isEmpty()) {
        inbox.setFlags(done.toArray(Message[]::new), mark, true);
      }
    } else {
      move(store, inbox, done, processed);
      moved += done.size();
    }
    move(store, inbox, forReview, review);
    return moved;
  }

  private static int size(Message m) {
    try {
      return m.getSize();
    } catch (MessagingException e) {
      return -1;
    }
  }

  /** Messages in the folder as this connection knows it. */
  private static int known(IMAPFolder inbox) throws MessagingException {
    int n = 0;
    for (Message m : inbox.getMessages()) {
      if (!m.isExpunged()) {
        n++;
      }
    }
    return n;
  }

  private Disposition take(Message message, String source) throws MessagingException, IOException {
    int size = message.getSize();
    if (size > MAX_MESSAGE_BYTES) {
      log.warn("IMAP {}: {} is {} bytes, over the {} limit; moved to {} unread", settings.mailbox(), source,
          size, MAX_MESSAGE_BYTES, settings.reviewFolder());
      return Disposition.UNREADABLE;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
    message.writeTo(out); // fetched with its chunk, or now when it was not
    Disposition d;
    try {
      d = handler.handle(new RawMail(source, out.toByteArray()));
    } catch (RuntimeException e) {
      log.warn("IMAP {}: {} failed: {}", settings.mailbox(), source, e.toString());
      return Disposition.FAILED;
    }
    if (d == Disposition.UNREADABLE) {
      log.warn("IMAP {}: {} is not a readable email; moved to {}", settings.mailbox(), source,
          settings.reviewFolder());
    }
    return d;
  }

  private static void move(IMAPStore store, IMAPFolder from, List<Message> messages, Folder to)
      throws MessagingException {
    if (messages.isEmpty()) {
      return;
    }
    Message[] these = messages.toArray(Message[]::new);
    if (store.hasCapability("MOVE")) {
      from.moveMessages(these, to);
    } else {
      // Copy, then remove only these (UID EXPUNGE where the server has UIDPLUS).
      from.copyMessages(these, to);
      from.setFlags(these, new Flags(Flags.Flag.DELETED), true);
      from.expunge(these);
    }
  }

  private void idle(IMAPFolder inbox, Duration max) throws MessagingException {
    ScheduledFuture<?> renew = watchdog.schedule(() -> endIdle(inbox), Math.max(1, max.toMillis()),
        TimeUnit.MILLISECONDS);
    idling = inbox;
    try {
      if (running) {
        idles.incrementAndGet();
        inbox.idle(true);
      }
    } finally {
      idling = null;
      renew.cancel(false);
    }
  }

  /** Any command on the folder from another thread ends its IDLE (Angus sends DONE first). */
  private static void endIdle(IMAPFolder folder) {
    try {
      folder.doCommand(p -> null);
    } catch (MessagingException | RuntimeException e) {
      // The reading thread sees the broken connection itself.
    }
  }

  /** The folder's size as the server counts it now (STATUS), not as its updates told us. */
  private static int serverCount(IMAPFolder folder) throws MessagingException {
    String name = folder.getFullName();
    Object status = folder.doCommand(p -> p.status(name, new String[] {"MESSAGES"}));
    return ((org.eclipse.angus.mail.imap.protocol.Status) status).total;
  }

  private static void noop(IMAPFolder folder) throws MessagingException {
    folder.doCommand(p -> {
      p.noop();
      return null;
    });
  }

  private Duration untilNextRetry(Duration max) {
    Instant now = clock.instant();
    Duration wait = max;
    for (Instant due : retryAt.values()) {
      Duration d = Duration.between(now, due);
      if (d.compareTo(wait) < 0) {
        wait = d.isNegative() ? Duration.ofMillis(1) : d;
      }
    }
    return wait;
  }

  /** Waits, unless closed meanwhile; close interrupts only this wait, never the handler. */
  private void pause(Duration d) {
    synchronized (lock) {
      if (!running) {
        return;
      }
      pausing = true;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      // closing
    } finally {
      synchronized (lock) {
        pausing = false;
        Thread.interrupted();
      }
    }
  }

  private void enter(ImapStatus.State newState, Optional<String> error) {
    lastError = error;
    if (newState != state) {
      since = clock.instant();
      state = newState;
    }
  }

  /** A connection problem in one line: a TLS failure says what to set; a refused login says so. */
  private String describe(Exception e) {
    Optional<String> tls =
        TlsProblem.explain("IMAP", settings.host(), settings.port(), settings.tls(), settings.trust(), e);
    if (tls.isPresent()) {
      return tls.get();
    }
    if (e instanceof AuthenticationFailedException) {
      return "IMAP " + settings.host() + ":" + settings.port() + ": the server refused the login of " + settings.user()
          + (e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage().strip() + ")")
          + "; check imap.user and imap.password (or imap.oauth-token)";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
  }

  private static void closeQuietly(Folder folder, Store store) {
    try {
      if (folder != null && folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      // already gone
    }
    try {
      store.close();
    } catch (MessagingException | RuntimeException e) {
      // already gone
    }
  }
}
