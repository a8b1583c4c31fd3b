package io.doorman.policies.bench;

import io.doorman.policies.Invitation;
import io.doorman.policies.Verdict;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.learning.Model;
import io.doorman.policies.learning.Trainer;
import java.util.List;
import java.util.Optional;
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
 * Classification with learning on, one thread: the default policy consulting a model learned
 * from the seed set and 20,000 decisions, on the same 4,096 invitations as {@link
 * ClassifyBenchmark} (so the two compare in one run).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LearnedClassifyBenchmark {

  private Policy policy;
  private Invitation[] invitations;
  private int next;

  @Setup
  public void setUp() {
    Model model = new Trainer(Trainer.Settings.defaults())
        .train("default", Decisions.make(20_000, 7)).withVersion(1);
    policy = Policy.defaults().withLearning(recipient -> Optional.of(model));
    List<Invitation> list = RealisticInvitations.make(4096, 42);
    invitations = list.toArray(new Invitation[0]);
  }

  @Benchmark
  public Verdict classifyOneLearned() {
    Invitation i = invitations[next];
    next = (next + 1) & (invitations.length - 1);
    return policy.classify(i);
  }
}
