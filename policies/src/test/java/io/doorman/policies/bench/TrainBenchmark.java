package io.doorman.policies.bench;

import io.doorman.policies.learning.Example;
import io.doorman.policies.learning.Model;
import io.doorman.policies.learning.Trainer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training on 100,000 decisions (plus the seed set), as {@code doorman learn} does it: features,
 * five-fold cross-validation of the agreement, and the final model. One shot per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TrainBenchmark {

  private List<Example> examples;

  @Setup
  public void setUp() {
    examples = Decisions.make(100_000, 11);
  }

  @Benchmark
  public Model train100000() {
    return new Trainer(Trainer.Settings.defaults()).train("default", examples);
  }
}
