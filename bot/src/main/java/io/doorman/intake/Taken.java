package io.doorman.intake;

import java.util.List;

/** One email taken in: where it came from and what became of each notification in it. */
public record Taken(String source, List<Stored> stored) {

  public Taken {
    stored = List.copyOf(stored);
  }

  /** Whether the email held anything of LinkedIn's that Doorman keeps. */
  public boolean keptAnything() {
    return stored.stream().anyMatch(s -> !(s instanceof Stored.NotStored));
  }
}
