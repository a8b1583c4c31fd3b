package io.doorman.policies.rules;

import java.util.Optional;

/** A compiled test on one invitation or message. Stateless; safe to share between threads. */
public interface Condition {

  boolean test(Facts facts);

  /**
   * Why the condition holds, for a reason line ("'book a call' in note"); called only when {@link
   * #test} is true.
   */
  Optional<String> evidence(Facts facts);
}
