package io.doorman.policies.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Classification of one invitation stays far under 50 ms whatever the policy says: its regular
 * expressions run on RE2/J (linear in the text) over a bounded start of each text, and a file's
 * patterns together have a bounded size.
 */
class BoundedClassificationTest {

  private static final long LIMIT_NANOS = 50_000_000L;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * The median CPU time of the classifying thread over several runs, after a few untimed ones
   * (the JIT's): what one classification costs, whatever else the machine is running.
   */
  private static long medianNanos(Policy policy, Invitation invitation) {
    for (int i = 0; i < 10; i++) {
      policy.classify(invitation);
    }
    long[] runs = new long[9];
    for (int i = 0; i < runs.length; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      policy.classify(invitation);
      runs[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(runs);
    return runs[runs.length / 2];
  }

  @Test
  void theIssue14PatternCannotStall() throws Exception {
    Policy policy = PolicyLoader.withDefaults().layer("team.yml", """
        rules:
          - id: stall
            description: the pattern that stalled java.util.regex for over a minute
            if: {noteMatches: '(.*a){12}$'}
            then: {score: {lion: 9}}
        """).load();
    Invitation short41 = Invitations.invitation("Engineer", "a".repeat(40) + "!");
    Invitation huge = Invitations.invitation("Engineer", "a".repeat(200_000) + "!");
    long shortTime = medianNanos(policy, short41);
    long hugeTime = medianNanos(policy, huge);
    assertTrue(shortTime < LIMIT_NANOS, shortTime / 1e6 + " ms");
    assertTrue(hugeTime < LIMIT_NANOS, hugeTime / 1e6 + " ms");
    // and it still means what it says: twelve a's, then the end
    assertEquals(Category.LION, policy.classify(Invitations.invitation("x", "a".repeat(12)))
        .category());
    assertTrue(policy.classify(short41).category() != Category.LION);
  }

  @Test
  void theCostliestPolicyTheLimitsAllowStaysUnder50Milliseconds() throws Exception {
    // 2,000 instructions of patterns that keep every thread of the machine busy on every
    // character, on the note and the headline, over texts longer than the part patterns see
    StringBuilder yaml = new StringBuilder("rules:\n");
    for (int i = 0; i < 2; i++) { // 963 instructions each, nearly the file's 2,000
      yaml.append("  - id: costly-").append(i).append("\n    description: costly\n")
          .append("    if: {").append(i % 2 == 0 ? "noteMatches" : "headlineMatches")
          .append(": '(a|b){0,240}c'}\n    then: {score: {lion: 1}}\n");
    }
    Policy policy = PolicyLoader.withDefaults().layer("team.yml", yaml.toString()).load();
    Invitation invitation = Invitations.invitation("ab".repeat(5_000), "ab".repeat(50_000));
    long time = medianNanos(policy, invitation);
    assertTrue(time < LIMIT_NANOS, time / 1e6 + " ms");
    Verdict verdict = policy.classify(invitation);
    assertTrue(verdict.reasons().stream().noneMatch(r -> r.contains("costly")), verdict.reasons()
        .toString());
  }
}
