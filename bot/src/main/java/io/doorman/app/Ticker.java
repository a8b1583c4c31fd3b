package io.doorman.app;

import io.doorman.decisions.FollowUps;
import io.doorman.health.Status;
import io.doorman.metrics.DoormanMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler: every {@code period} runs what is due ({@link FollowUps#runDue()}) and then each
 * further task added with {@link #every} (a daily digest checks the time itself). One thread; a
 * failing run is logged and counted, and the next one comes anyway. It is ready while its last
 * run went through, not after a failed one.
 */
final class Ticker implements Component {

  private static final Logger log = LoggerFactory.getLogger(Ticker.class);

  private final FollowUps followUps;
  private final DoormanMetrics metrics;
  private final Duration period;
  private final Clock clock;
  private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
  /** How the last run went: when, and what failed in it (empty when nothing did). */
  private record LastRun(Instant at, Optional<String> failure) {}

  private final AtomicReference<LastRun> lastRun = new AtomicReference<>();
  private ScheduledExecutorService executor;

  Ticker(FollowUps followUps, DoormanMetrics metrics, Duration period, Clock clock) {
    this.followUps = followUps;
    this.metrics = metrics;
    this.period = period;
    this.clock = clock;
  }

  /** Adds a task run on every tick, after the follow-ups. */
  void every(Runnable task) {
    tasks.add(task);
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scheduler"));
    executor.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One tick: follow-ups, then the other tasks. */
  void tick() {
    Optional<String> failure = Optional.empty();
    try {
      FollowUps.Run run = followUps.runDue(); // counted for /metrics from the events
      if (run.followedUp() + run.declined() > 0) {
        log.info("follow-ups: {} followed up, {} declined", run.followedUp(), run.declined());
      }
    } catch (RuntimeException e) {
      log.warn("follow-ups failed (next try in {}): {}", period, e.getMessage());
      metrics.error("scheduler");
      failure = Optional.of("follow-ups failed: " + e.getMessage());
    }
    for (Runnable task : tasks) {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("scheduled task failed: {}", e.getMessage(), e);
        metrics.error("scheduler");
        failure = failure.or(() -> Optional.of("a task failed: " + e.getMessage()));
      }
    }
    lastRun.set(new LastRun(clock.instant(), failure));
  }

  @Override
  public Status status() {
    LastRun last = lastRun.get();
    if (last == null) {
      return Status.ready("starting");
    }
    return last.failure().map(f -> Status.notReady("last run " + last.at() + ": " + f))
        .orElseGet(() -> Status.ready("last run " + last.at()));
  }

  @Override
  public String where() {
    return "follow-ups every " + period.toMinutes() + " min";
  }

  /** Lets a run in progress finish, then stops. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (executor != null) {
      executor.shutdown();
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("scheduler: a run did not finish within 30 s; stopping anyway");
        executor.shutdownNow();
      }
    }
  }
}
