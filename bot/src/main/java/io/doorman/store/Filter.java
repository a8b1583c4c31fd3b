package io.doorman.store;

import io.doorman.lifecycle.State;
import java.time.Instant;
import java.util.Optional;

/**
 * Which invitations a list wants: in a state, of a category, for a recipient, from a sender whose
 * name contains a text, with a text anywhere in sender, headline or note, first seen since a
 * moment. Empty parts match everything; texts match case-insensitively.
 */
public record Filter(
    Optional<State> state,
    Optional<String> category,
    Optional<String> recipient,
    Optional<String> sender,
    Optional<String> text,
    Optional<Instant> seenSince) {

  public static final Filter ALL =
      new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public static Filter inState(State state) {
    return ALL.state(state);
  }

  public Filter state(State s) {
    return new Filter(Optional.of(s), category, recipient, sender, text, seenSince);
  }

  public Filter category(String c) {
    return new Filter(state, Optional.of(c), recipient, sender, text, seenSince);
  }

  public Filter recipient(String r) {
    return new Filter(state, category, Optional.of(r), sender, text, seenSince);
  }

  public Filter sender(String s) {
    return new Filter(state, category, recipient, Optional.of(s), text, seenSince);
  }

  public Filter text(String t) {
    return new Filter(state, category, recipient, sender, Optional.of(t), seenSince);
  }

  public Filter seenSince(Instant since) {
    return new Filter(state, category, recipient, sender, text, Optional.of(since));
  }
}
