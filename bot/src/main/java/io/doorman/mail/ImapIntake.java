package io.doorman.mail;

import io.doorman.ingest.imap.ImapSettings;
import io.doorman.ingest.imap.ImapSource;
import io.doorman.ingest.imap.ImapStatus;
import io.doorman.ingest.imap.MailHandler;
import io.doorman.ingest.imap.Sleeper;
import io.doorman.lease.Lease;
import io.doorman.store.Database;
import io.doorman.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IMAP mailbox as a source of the service: reads it while this node holds the mailbox's lease,
 * stands by while another node does, and takes over when that lease expires. {@link #start()}
 * checks the lease every third of its time; {@link #tick()} is one check (tests call it with a
 * manual clock).
 */
public final class ImapIntake implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ImapIntake.class);
  public static final Duration LEASE = Duration.ofSeconds(60);

  /** What this node does with the mailbox. */
  public enum Role {
    /** This node holds the lease and reads the mailbox. */
    READING,
    /** Another node holds the lease; this one waits to take over. */
    STANDBY,
    /** Not started, or closed. */
    STOPPED
  }

  /**
   * For {@code /readyz}: the role, the connection (while reading) and who holds the lease.
   *
   * @param holder the lease's owner, when anyone holds it
   */
  public record Status(String mailbox, Role role, Optional<ImapStatus> connection, Optional<String> holder) {
    /** Ready when reading over a live connection, or standing by for a node that is. */
    public boolean ready() {
      return switch (role) {
        case READING -> connection.map(ImapStatus::connected).orElse(false);
        case STANDBY -> holder.isPresent();
        case STOPPED -> false;
      };
    }
  }

  private final ImapSettings settings;
  private final MailHandler handler;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Lease lease;
  private ScheduledExecutorService ticker;
  private ImapSource source;
  private volatile Role role = Role.STOPPED;
  private volatile ImapSource current;

  public ImapIntake(ImapSettings settings, MailHandler handler, Database db, Clock clock, Sleeper sleeper,
      Duration leaseTime, String owner) {
    this(settings, handler, clock, sleeper, new Lease(db, "mailbox:" + settings.mailbox(), owner, clock, leaseTime));
  }

  private ImapIntake(ImapSettings settings, MailHandler handler, Clock clock, Sleeper sleeper, Lease lease) {
    this.settings = settings;
    this.handler = handler;
    this.clock = clock;
    this.sleeper = sleeper;
    this.lease = lease;
  }

  /**
   * The mailbox of the {@code imap.*} settings with the default lease and this host's owner name;
   * empty when {@code imap.host} is unset.
   */
  public static Optional<ImapIntake> fromConfig(
      Function<String, Optional<String>> config, MailHandler handler, Database db, Clock clock) {
    return ImapSettings.from(config)
        .map(s -> new ImapIntake(s, handler, clock, Sleeper.REAL,
            Lease.forThisProcess(db, "mailbox:" + s.mailbox(), clock, LEASE)));
  }

  /** Starts checking the lease (at once, then every third of the lease time); returns at once. */
  public synchronized void start() {
    if (ticker != null) {
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "imap-lease " + settings.mailbox());
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, lease.ttl().toMillis() / 3);
    ticker.scheduleWithFixedDelay(this::tickQuietly, 0, every, TimeUnit.MILLISECONDS);
  }

  /** One lease check: take or renew it and read the mailbox, or stop reading when it was lost. */
  public synchronized void tick() {
    boolean held;
    try {
      held = lease.acquire();
    } catch (StoreException e) {
      // Without the database this node can't know it still holds the mailbox: stop reading.
      log.warn("IMAP {}: cannot renew the lease ({}); not reading until it can", settings.mailbox(), e.getMessage());
      held = false;
    }
    if (held && source == null) {
      log.info("IMAP {}: this node ({}) reads the mailbox", settings.mailbox(), lease.owner());
      source = new ImapSource(settings, handler, clock, sleeper);
      current = source;
      source.start();
    } else if (!held && source != null) {
      log.warn("IMAP {}: lease lost to another node; stopping", settings.mailbox());
      stopSource();
    }
    role = held ? Role.READING : Role.STANDBY;
  }

  public Status status() {
    ImapSource s = current;
    Optional<String> holder;
    try {
      holder = lease.holder().map(Lease.Holder::owner);
    } catch (StoreException e) {
      holder = Optional.empty();
    }
    return new Status(settings.mailbox(), role, Optional.ofNullable(s).map(ImapSource::status), holder);
  }

  /** Stops taking mail (the message in hand is finished) and gives the lease up. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = ticker;
      ticker = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      boolean wasReading = source != null;
      stopSource();
      role = Role.STOPPED;
      if (wasReading) {
        try {
          lease.release();
        } catch (StoreException e) {
          log.warn("IMAP {}: could not release the lease; it expires by itself", settings.mailbox());
        }
      }
    }
  }

  private void stopSource() {
    if (source != null) {
      source.close();
      source = null;
      current = null;
    }
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("IMAP {}: lease check failed: {}", settings.mailbox(), e.toString());
    }
  }
}
