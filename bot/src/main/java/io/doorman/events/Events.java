package io.doorman.events;

import io.doorman.store.Tx;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one event stream. {@link #emit} offers an event to every {@link Planner} inside the
 * transaction that caused it (a channel writes the outbox rows it means to send, so they commit
 * or roll back with the change), and to every listener once that transaction has committed
 * (metrics, the console, waking the outbox). A listener that throws is logged, never undoes the
 * committed change, and does not keep the others from hearing.
 */
public final class Events {

  private static final Logger log = LoggerFactory.getLogger(Events.class);

  /** Writes what an event calls for into its transaction: outbox rows, by a channel. */
  @FunctionalInterface
  public interface Planner {
    void plan(Event event, Tx tx) throws SQLException;
  }

  private final List<Planner> planners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

  public void plan(Planner planner) {
    planners.add(planner);
  }

  public void listen(Consumer<Event> listener) {
    listeners.add(listener);
  }

  /** Plans {@code event} in {@code tx} now, and tells the listeners once {@code tx} has committed. */
  public void emit(Tx tx, Event event) throws SQLException {
    for (Planner p : planners) {
      p.plan(event, tx);
    }
    if (!listeners.isEmpty()) {
      tx.afterCommit(() -> tell(event));
    }
  }

  private void tell(Event event) {
    for (Consumer<Event> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        log.warn("a listener failed on {}: {}", event, e.toString(), e);
      }
    }
  }
}
