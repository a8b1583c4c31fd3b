package io.doorman.app;

import io.doorman.followup.FollowUps;
import io.doorman.health.Status;
import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.Decision;
import io.doorman.metrics.DoormanMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * failing run is logged and counted, and the next one comes anyway.
 */
final class Ticker implements Component {

  private static final Logger log = LoggerFactory.getLogger(Ticker.class);

  private final FollowUps followUps;
  private final DoormanMetrics metrics;
  private final Duration period;
  private final Clock clock;
  private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
  private final AtomicReference<Instant> lastRun = new AtomicReference<>();
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
    try {
      FollowUps.Run run = followUps.runDue();
      metrics.followedUp(run.followedUp());
      for (int i = 0; i < run.declined(); i++) {
        metrics.decided(Decision.DECLINE, Channel.POLICY);
      }
      if (run.followedUp() + run.declined() > 0) {
        log.info("follow-ups: {} followed up, {} declined", run.followedUp(), run.declined());
      }
    } catch (RuntimeException e) {
      log.warn("follow-ups failed (next try in {}): {}", period, e.getMessage());
      metrics.error("scheduler");
    }
    for (Runnable task : tasks) {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("scheduled task failed: {}", e.getMessage(), e);
        metrics.error("scheduler");
      }
    }
    lastRun.set(clock.instant());
  }

  @Override
  public Status status() {
    Instant last = lastRun.get();
    return last == null ? Status.ready("starting") : Status.ready("last run " + last);
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
