package io.doorman.policies.learning;

import io.doorman.policies.rules.Facts;
import io.doorman.policies.rules.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link Model}: softmax regression with AdaGrad and a little L2, over the examples in a
 * fixed order shuffled by a fixed seed, so the same examples always give the same model. Newer
 * decisions weigh more (half as much per {@code halfLife} before the newest one); seed
 * invitations weigh {@code seedWeight} each, corrections {@code correctionWeight}.
 */
public final class Trainer {

  private static final Vocabulary NO_KEYWORDS = new Vocabulary.Builder().build();
  /** A feature must be seen in this many examples to be learned. */
  static final int MIN_EXAMPLES = 2;

  /**
   * @param folds cross-validation folds for the reported agreement (0: none; beyond 20,000
   *     examples the newest tenth is held out once instead)
   * @param minimumToValidate fewer decisions (or corrections) than this: no agreement reported
   */
  public record Settings(Duration halfLife, double seedWeight, double correctionWeight,
      int folds, int minimumToValidate) {

    public Settings {
      Objects.requireNonNull(halfLife, "halfLife");
      if (halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("halfLife must be positive");
      }
    }

    public static Settings defaults() {
      return new Settings(Duration.ofDays(90), 0.3, 2.0, 5, 30);
    }
  }

  private final Settings settings;

  public Trainer(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Trains on the examples; the model's {@link Model.Info} says on what, and how it agreed. */
  public Model train(String team, List<Example> examples) {
    Prepared p = prepare(examples);
    double actionAgreement = Double.NaN;
    double categoryAgreement = Double.NaN;
    int decisions = p.count(Example.Source.DECISION);
    int corrections = p.count(Example.Source.FEEDBACK);
    if (settings.folds() >= 2 && decisions >= settings.minimumToValidate()) {
      actionAgreement = crossValidate(p, true);
    }
    if (settings.folds() >= 2 && corrections >= settings.minimumToValidate()) {
      categoryAgreement = crossValidate(p, false);
    }
    Weights w = fit(p, i -> true, epochs(p.features.length));
    Instant newest = p.newest;
    return new Model(new Model.Info(team, 0, newest, decisions, corrections,
        p.count(Example.Source.SEED), actionAgreement, categoryAgreement), p.names,
        w.category, w.categoryBias, w.action, w.actionBias);
  }

  /** Examples in a fixed order, each as feature indexes, labels and a weight. */
  private static final class Prepared {
    String[] names;
    int[][] features;
    int[] category; // -1 none
    int[] action; // -1 none
    double[] weight;
    Example.Source[] source;
    Instant newest = Instant.EPOCH;

    int count(Example.Source s) {
      int n = 0;
      for (Example.Source x : source) {
        n += x == s ? 1 : 0;
      }
      return n;
    }
  }

  private Prepared prepare(List<Example> examples) {
    List<Example> sorted = new ArrayList<>(examples);
    sorted.sort(Comparator.comparing(Example::source).thenComparing(Example::at)
        .thenComparing(e -> e.invitation().key()).thenComparing(e -> e.invitation().origin()
            .source()));
    Prepared p = new Prepared();
    int n = sorted.size();
    long[][] keys = new long[n][];
    Map<Long, String> names = new HashMap<>();
    for (int e = 0; e < n; e++) {
      Example ex = sorted.get(e);
      Facts facts = Facts.of(ex.invitation(), ex.team(), NO_KEYWORDS);
      long[] k = new long[48];
      int[] size = {0};
      Features.extract(facts, (kind, a, b, word) -> {
        long key = kind.key(a, b);
        for (int i = 0; i < size[0]; i++) {
          if (k[i] == key) {
            return;
          }
        }
        if (size[0] < k.length) {
          k[size[0]++] = key;
          names.computeIfAbsent(key, x -> kind.name(a, b));
        }
      });
      keys[e] = java.util.Arrays.copyOf(k, size[0]);
      if (ex.source() != Example.Source.SEED && ex.at().isAfter(p.newest)) {
        p.newest = ex.at();
      }
    }
    // a feature seen once says nothing about the next invitation: left out, the model stays small
    Map<Long, Integer> seen = new HashMap<>();
    for (long[] k : keys) {
      for (long key : k) {
        seen.merge(key, 1, Integer::sum);
      }
    }
    p.names = names.entrySet().stream().filter(e -> seen.get(e.getKey()) >= MIN_EXAMPLES)
        .map(Map.Entry::getValue).sorted().distinct().toArray(String[]::new);
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < p.names.length; i++) {
      index.putIfAbsent(Model.keyOf(p.names[i]), i);
    }
    p.features = new int[n][];
    p.category = new int[n];
    p.action = new int[n];
    p.weight = new double[n];
    p.source = new Example.Source[n];
    for (int e = 0; e < n; e++) {
      Example ex = sorted.get(e);
      int[] f = new int[keys[e].length];
      int kept = 0;
      for (long key : keys[e]) {
        Integer i = index.get(key);
        if (i != null) {
          f[kept++] = i;
        }
      }
      p.features[e] = java.util.Arrays.copyOf(f, kept);
      p.category[e] = ex.category().map(Enum::ordinal).orElse(-1);
      p.action[e] = ex.action().map(Enum::ordinal).orElse(-1);
      p.source[e] = ex.source();
      p.weight[e] = weight(ex, p.newest);
    }
    return p;
  }

  private double weight(Example ex, Instant newest) {
    switch (ex.source()) {
      case SEED:
        return settings.seedWeight();
      case FEEDBACK:
        return settings.correctionWeight() * recency(ex.at(), newest);
      default:
        return recency(ex.at(), newest);
    }
  }

  private double recency(Instant at, Instant newest) {
    double age = Math.max(0, Duration.between(at, newest).toMillis());
    return Math.pow(0.5, age / settings.halfLife().toMillis());
  }

  /**
   * Agreement of held-out predictions: actions with decisions, or categories with corrections.
   * Up to 20,000 examples, by cross-validation (each fold held out in turn); beyond, by holding
   * out the newest tenth of the judged examples once, which costs one fit instead of several and
   * says how the model does on what came last.
   */
  private double crossValidate(Prepared p, boolean actions) {
    Example.Source judged = actions ? Example.Source.DECISION : Example.Source.FEEDBACK;
    int n = p.source.length;
    int[] fold = new int[n];
    int folds;
    int epochs = n > 20_000 ? 2 : Math.max(3, epochs(n) / 2);
    if (n > 20_000) {
      folds = 1;
      int count = p.count(judged);
      int from = count - Math.max(1, count / 10); // examples are in time order within a source
      int k = 0;
      for (int e = 0; e < n; e++) {
        fold[e] = p.source[e] != judged ? -1 : k++ >= from ? 0 : -1;
      }
    } else {
      folds = settings.folds();
      int k = 0;
      for (int e = 0; e < n; e++) {
        fold[e] = p.source[e] == judged ? k++ % folds : -1;
      }
    }
    int right = 0;
    int total = 0;
    for (int f = 0; f < folds; f++) {
      int held = f;
      Weights w = fit(p, e -> fold[e] != held, epochs);
      for (int e = 0; e < n; e++) {
        if (fold[e] != held) {
          continue;
        }
        int truth = actions ? p.action[e] : p.category[e];
        int guess = actions ? argmax(w.action, w.actionBias, p.features[e])
            : argmax(w.category, w.categoryBias, p.features[e]);
        right += guess == truth ? 1 : 0;
        total++;
      }
    }
    return total == 0 ? Double.NaN : right / (double) total;
  }

  private static int argmax(float[] w, float[] bias, int[] features) {
    int best = 0;
    double bestZ = Double.NEGATIVE_INFINITY;
    int labels = bias.length;
    for (int c = 0; c < labels; c++) {
      double z = bias[c];
      for (int f : features) {
        z += w[f * labels + c];
      }
      if (z > bestZ) {
        bestZ = z;
        best = c;
      }
    }
    return best;
  }

  /** Weights feature by feature ({@code [feature * labels + label]}), and a bias per label. */
  private static final class Weights {
    float[] category;
    float[] categoryBias;
    float[] action;
    float[] actionBias;
  }

  private interface Use {
    boolean test(int example);
  }

  private static final double RATE = 0.3;
  private static final double L2 = 1e-5;

  /** Passes over the examples: more for few, fewer for many. */
  private static int epochs(int n) {
    return n < 2_000 ? 20 : n < 20_000 ? 10 : 3;
  }

  private Weights fit(Prepared p, Use use, int epochs) {
    int n = p.features.length;
    int m = p.names.length;
    Weights w = new Weights();
    w.category = new float[Model.CATEGORIES * m];
    w.categoryBias = new float[Model.CATEGORIES];
    w.action = new float[Model.ACTIONS * m];
    w.actionBias = new float[Model.ACTIONS];
    Head category = new Head(w.category, w.categoryBias);
    Head action = new Head(w.action, w.actionBias);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(42);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int e : order) {
        if (!use.test(e)) {
          continue;
        }
        if (p.category[e] >= 0) {
          category.step(p.features[e], p.category[e], p.weight[e]);
        }
        if (p.action[e] >= 0) {
          action.step(p.features[e], p.action[e], p.weight[e]);
        }
      }
    }
    return w;
  }

  /** One softmax head and its AdaGrad accumulators, feature by feature. */
  private static final class Head {
    final float[] w;
    final float[] bias;
    final float[] g;
    final float[] gBias;
    final double[] p;
    final int labels;

    Head(float[] w, float[] bias) {
      this.w = w;
      this.bias = bias;
      this.labels = bias.length;
      this.g = new float[w.length];
      this.gBias = new float[labels];
      this.p = new double[labels];
    }

    void step(int[] features, int label, double weight) {
      double best = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < labels; c++) {
        p[c] = bias[c];
      }
      for (int f : features) {
        int at = f * labels;
        for (int c = 0; c < labels; c++) {
          p[c] += w[at + c];
        }
      }
      for (int c = 0; c < labels; c++) {
        best = Math.max(best, p[c]);
      }
      double sum = 0;
      for (int c = 0; c < labels; c++) {
        p[c] = Math.exp(p[c] - best);
        sum += p[c];
      }
      for (int c = 0; c < labels; c++) {
        p[c] = (p[c] / sum - (c == label ? 1 : 0)) * weight;
        gBias[c] += (float) (p[c] * p[c]);
        bias[c] -= (float) (RATE * p[c] / Math.sqrt(gBias[c] + 1e-8));
      }
      for (int f : features) {
        int at = f * labels;
        for (int c = 0; c < labels; c++) {
          double grad = p[c];
          if (grad == 0) {
            continue;
          }
          double gf = grad + L2 * w[at + c];
          g[at + c] += (float) (gf * gf);
          w[at + c] -= (float) (RATE * gf / Math.sqrt(g[at + c] + 1e-8));
        }
      }
    }
  }
}
