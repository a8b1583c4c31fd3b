package io.doorman.policies.bench;

import io.doorman.policies.Invitation;
import io.doorman.policies.Verdict;
import io.doorman.policies.engine.Policy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification of realistic invitations with the default policy, on one thread. Each operation
 * classifies one invitation (reasons included), cycling through 4,096 different ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifyBenchmark {

  private Policy policy;
  private Invitation[] invitations;
  private int next;

  @Setup
  public void setUp() {
    policy = Policy.defaults();
    List<Invitation> list = RealisticInvitations.make(4096, 42);
    invitations = list.toArray(new Invitation[0]);
  }

  @Benchmark
  public Verdict classifyOne() {
    Invitation i = invitations[next];
    next = (next + 1) & (invitations.length - 1);
    return policy.classify(i);
  }
}
