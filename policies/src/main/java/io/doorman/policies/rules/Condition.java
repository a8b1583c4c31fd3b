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

  /**
   * How strong the evidence is when the condition holds, to settle a tie between categories with
   * as many points: the words of the phrase found (a longer, more specific phrase is stronger
   * evidence than one word), or 1 for a condition on anything else.
   */
  default int strength(Facts facts) {
    return 1;
  }
}
