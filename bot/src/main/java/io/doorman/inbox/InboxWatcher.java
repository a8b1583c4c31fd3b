package io.doorman.inbox;

import io.doorman.health.Status;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.intake.Intake;
import io.doorman.metrics.DoormanMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an inbox directory and takes in every email that lands there, one at a time, on its own
 * thread. Files are found by {@link WatchService} events and, because events can be lost (a full
 * queue, a network file system), by a rescan every few seconds as well.
 *
 * <p>Which files: {@code *.eml} directly in the directory, and every file in {@code new/} and
 * {@code cur/} when it is a Maildir ({@code tmp/} and hidden files are left alone). A plain file
 * is taken once it has not changed for {@code settle}, so one still being copied in is not read
 * half-written; Maildir files arrive whole (by rename) and are taken at once.
 *
 * <p>Where they go: once {@link Intake#take} has committed, the file moves to {@code .processed/};
 * one that is not an email (or over the size limit) moves to {@code .failed/} beside a {@code
 * NAME.reason} text file. When the store fails the file stays where it is and is tried again at
 * the next rescan. A crash between the commit and the move means the file is read again next time,
 * which only counts another sighting of the same invitation.
 */
public final class InboxWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

  static final String PROCESSED = ".processed";
  static final String FAILED = ".failed";

  private final Path dir;
  private final Intake intake;
  private final DoormanMetrics metrics;
  private final long maxBytes;
  private final Duration rescan;
  private final Duration settle;
  private final Clock clock;

  private final AtomicLong taken = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<String> lastProblem = new AtomicReference<>("");
  /** Files that could be neither processed nor moved aside: skipped until restart, logged once. */
  private final Set<Path> stuck = ConcurrentHashMap.newKeySet();

  private volatile boolean stopping;
  private WatchService watch;
  private Thread thread;

  /**
   * @param maxBytes files larger than this go to {@code .failed/} unread
   * @param rescan how often to look again without an event
   * @param settle how long a plain file must be unchanged before it is read
   */
  public InboxWatcher(
      Path dir, Intake intake, DoormanMetrics metrics, long maxBytes, Duration rescan, Duration settle, Clock clock) {
    this.dir = dir;
    this.intake = intake;
    this.metrics = metrics;
    this.maxBytes = maxBytes;
    this.rescan = rescan;
    this.settle = settle;
    this.clock = clock;
  }

  /** Creates the directory (and its {@code .processed/}, {@code .failed/}) and starts watching. */
  public synchronized void start() throws IOException {
    Files.createDirectories(dir.resolve(PROCESSED));
    Files.createDirectories(dir.resolve(FAILED));
    watch = dir.getFileSystem().newWatchService();
    for (Path d : watchedDirectories()) {
      d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }
    thread = new Thread(this::loop, "inbox");
    thread.start();
  }

  /** Stops taking mail: the file in hand is finished (stored and moved), then the thread ends. */
  @Override
  public synchronized void close() throws IOException {
    stopping = true;
    if (watch != null) {
      watch.close(); // wakes the thread if it is waiting for events
    }
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public Path directory() {
    return dir;
  }

  /** Emails stored so far, and files moved to {@code .failed/}. */
  public long takenCount() {
    return taken.get();
  }

  public long failedCount() {
    return failed.get();
  }

  public Status status() {
    if (thread == null || !thread.isAlive()) {
      return Status.notReady("not watching " + dir);
    }
    String problem = lastProblem.get();
    return problem.isEmpty()
        ? Status.ready("watching " + dir)
        : Status.ready("watching " + dir + "; last problem: " + problem);
  }

  private List<Path> watchedDirectories() {
    List<Path> dirs = new ArrayList<>(List.of(dir));
    for (String sub : List.of("new", "cur")) {
      if (Files.isDirectory(dir.resolve(sub))) {
        dirs.add(dir.resolve(sub));
      }
    }
    return dirs;
  }

  private void loop() {
    try {
      while (!stopping) {
        boolean waiting = scan();
        WatchKey key = watch.poll((waiting ? settle : rescan).toMillis(), TimeUnit.MILLISECONDS);
        while (key != null) {
          key.pollEvents();
          key.reset();
          key = watch.poll();
        }
      }
    } catch (ClosedWatchServiceException e) {
      // close(): stopping.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("inbox {}: stopped watching", dir, e);
      metrics.error("inbox");
      lastProblem.set(String.valueOf(e.getMessage()));
    }
  }

  /** Takes every file that is ready; returns whether some file is still settling. */
  boolean scan() {
    boolean waiting = false;
    for (Candidate c : candidates()) {
      if (stopping) {
        break;
      }
      if (stuck.contains(c.path())) {
        continue;
      }
      if (c.needsSettling() && isStillChanging(c.path())) {
        waiting = true;
        continue;
      }
      if (!take(c.path())) {
        break; // the store is failing: try again at the next rescan rather than hammer it
      }
    }
    return waiting;
  }

  private record Candidate(Path path, boolean needsSettling) {}

  private List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    for (Path d : watchedDirectories()) {
      boolean maildir = !d.equals(dir);
      try (Stream<Path> files = Files.list(d)) {
        files
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .filter(p -> maildir || p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(p -> out.add(new Candidate(p, !maildir)));
      } catch (NoSuchFileException e) {
        // A Maildir subdirectory removed under us: nothing to take there.
      } catch (IOException e) {
        problem("cannot list " + d + ": " + e.getMessage());
      }
    }
    return out;
  }

  private boolean isStillChanging(Path file) {
    try {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      return modified.isAfter(clock.instant().minus(settle));
    } catch (IOException e) {
      return false; // gone or unreadable: take() says which
    }
  }

  /** Takes one file; false when the store failed, so the scan should stop for now. */
  private boolean take(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        setAside(file, "message is " + size + " bytes, over the " + maxBytes + "-byte limit");
        return true;
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return true; // taken away meanwhile
    } catch (IOException e) {
      setAside(file, "cannot read: " + e);
      return true;
    }
    try {
      intake.take(new RawMail(file.toString(), bytes)); // counted by the intake's own observer
    } catch (UnreadableMailException e) {
      setAside(file, e.getMessage());
      return true;
    } catch (RuntimeException e) {
      log.warn("inbox: cannot store {} (will try again): {}", file, e.getMessage());
      metrics.error("inbox");
      problem("cannot store " + file.getFileName() + ": " + e.getMessage());
      return false;
    }
    taken.incrementAndGet();
    if (moveInto(PROCESSED, file).isEmpty()) {
      stuck.add(file);
    }
    return true;
  }

  private void setAside(Path file, String reason) {
    log.warn("inbox: {} set aside in {}: {}", file, FAILED, reason);
    metrics.error("inbox");
    failed.incrementAndGet();
    Optional<Path> moved = moveInto(FAILED, file);
    if (moved.isEmpty()) {
      stuck.add(file);
      return;
    }
    Path reasonFile = moved.get().resolveSibling(moved.get().getFileName() + ".reason");
    // Written beside it and renamed, so whoever sees the reason file sees all of it.
    Path partial = reasonFile.resolveSibling("." + reasonFile.getFileName() + ".tmp");
    try {
      Files.writeString(partial, clock.instant() + " " + file + "\n" + reason + "\n", StandardCharsets.UTF_8);
      Files.move(partial, reasonFile, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.error("inbox: cannot write {}: {}", reasonFile, e.getMessage());
    }
  }

  /** Moves a file into {@code sub/} under a name not yet taken there; empty (logged) if it can't. */
  private Optional<Path> moveInto(String sub, Path file) {
    Path target = dir.resolve(sub);
    String name = file.getFileName().toString();
    for (int n = 0; n < 1000; n++) {
      Path to = target.resolve(n == 0 ? name : name + "." + n);
      if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        continue; // a file of that name was set there before; rename() would replace it
      }
      try {
        return Optional.of(Files.move(file, to, StandardCopyOption.ATOMIC_MOVE));
      } catch (IOException e) {
        if (Files.exists(to) && !Files.exists(file)) {
          return Optional.of(to);
        }
        log.error("inbox: cannot move {} into {}: {}", file, target, e.toString());
        problem("cannot move " + file.getFileName() + " into " + sub + ": " + e.getMessage());
        return Optional.empty();
      }
    }
    log.error("inbox: no free name for {} in {}", file, target);
    return Optional.empty();
  }

  private void problem(String what) {
    lastProblem.set(what);
  }
}
