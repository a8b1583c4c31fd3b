package io.doorman.policies.learning;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.rules.Facts;
import io.doorman.policies.rules.Prediction;
import io.doorman.policies.rules.Predictor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A learned model: for each feature, a weight per category and per action (softmax regression).
 * Immutable and safe to share; {@link #bytes()} is the same for the same model, so a model stored
 * and read back predicts exactly as before.
 */
public final class Model implements Predictor {

  private static final int MAGIC = 0x444D4C32; // "DML2": weights feature by feature
  static final int CATEGORIES = Category.values().length;
  static final int ACTIONS = Action.values().length;
  /** Features named in a reason, unless more are asked for. */
  static final int EXPLAINED = 3;

  /**
   * What a model was learned from.
   *
   * @param team whose decisions (e.g. {@code default}, or a Slack channel's team)
   * @param version its number in the store, 0 before it is stored
   * @param newest when the newest decision it learned from was made
   * @param decisions decisions learned from
   * @param corrections "wrong category" corrections learned from
   * @param seeds seed invitations learned from
   * @param actionAgreement cross-validated agreement of its actions with past decisions, NaN
   *     when there were too few to tell
   * @param categoryAgreement the same for categories against corrections, NaN when too few
   */
  public record Info(String team, int version, Instant newest, int decisions, int corrections,
      int seeds, double actionAgreement, double categoryAgreement) {

    public Info {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(newest, "newest");
    }

    /** {@code default v3}. */
    public String label() {
      return team + " v" + version;
    }
  }

  private final Info info;
  private final String[] names;
  private final LongIntMap index;
  /** Feature by feature, {@code [feature * labels + label]}: one invitation's reads stay close. */
  private final float[] categoryWeights;
  private final float[] categoryBias;
  private final float[] actionWeights;
  private final float[] actionBias;
  /**
   * Both heads' weights of a feature side by side, {@code [feature * 12 + label]}, as 16-bit
   * steps of {@link #step}: one short read per feature, half the memory of floats (a model of
   * 20,000 features then fits a core's cache). The steps are 1/32,767 of the largest weight.
   */
  private final short[] both;
  private final double step;
  private static final int BOTH = CATEGORIES + ACTIONS;

  Model(Info info, String[] names, float[] categoryWeights, float[] categoryBias,
      float[] actionWeights, float[] actionBias) {
    this.info = info;
    this.names = names;
    this.categoryWeights = categoryWeights;
    this.categoryBias = categoryBias;
    this.actionWeights = actionWeights;
    this.actionBias = actionBias;
    long[] keys = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      keys[i] = keyOf(names[i]);
    }
    this.index = new LongIntMap(keys);
    float largest = 1e-6f;
    for (float w : categoryWeights) {
      largest = Math.max(largest, Math.abs(w));
    }
    for (float w : actionWeights) {
      largest = Math.max(largest, Math.abs(w));
    }
    this.step = largest / Short.MAX_VALUE;
    this.both = new short[names.length * BOTH];
    for (int f = 0; f < names.length; f++) {
      for (int c = 0; c < CATEGORIES; c++) {
        both[f * BOTH + c] = (short) Math.round(categoryWeights[f * CATEGORIES + c] / step);
      }
      for (int c = 0; c < ACTIONS; c++) {
        both[f * BOTH + CATEGORIES + c] = (short) Math.round(actionWeights[f * ACTIONS + c] / step);
      }
    }
  }

  public Info info() {
    return info;
  }

  /** The same model under another number, as the store gives it. */
  public Model withVersion(int version) {
    Info i = info;
    return new Model(new Info(i.team(), version, i.newest(), i.decisions(), i.corrections(),
        i.seeds(), i.actionAgreement(), i.categoryAgreement()), names, categoryWeights,
        categoryBias, actionWeights, actionBias);
  }

  /** How many features it knows. */
  public int features() {
    return names.length;
  }

  @Override
  public Prediction predict(Facts facts) {
    Found found = new Found();
    Features.extract(facts, found);
    long[] sum = new long[BOTH];
    for (int k = 0; k < found.size; k++) {
      int at = found.index[k] * BOTH;
      for (int c = 0; c < BOTH; c++) {
        sum[c] += both[at + c];
      }
    }
    double[] z = new double[BOTH];
    for (int c = 0; c < BOTH; c++) {
      z[c] = sum[c] * step;
    }
    double[] categories = softmax(z, 0, categoryBias);
    double[] actions = softmax(z, CATEGORIES, actionBias);
    int decided = info.decisions() + info.corrections();
    List<?>[] made = new List<?>[CATEGORIES + ACTIONS]; // each answer once: reasons ask again
    return new Prediction(info.label(), decided, categories, actions, (target, label, max) -> {
      int at = target == Prediction.Target.CATEGORY ? label : CATEGORIES + label;
      @SuppressWarnings("unchecked")
      List<String> words = (List<String>) made[at];
      if (words == null || words.size() < max && made.length > 0 && max > EXPLAINED) {
        int n = Math.max(max, EXPLAINED);
        words = target == Prediction.Target.CATEGORY
            ? weighedMost(categoryWeights, CATEGORIES, label, found, n)
            : weighedMost(actionWeights, ACTIONS, label, found, n);
        made[at] = words;
      }
      return words.size() > max ? words.subList(0, max) : words;
    });
  }

  /** The features of one invitation the model knows, each once, with what shows them. */
  private final class Found implements Features.Sink {
    final int[] index = new int[48];
    final Kind[] kinds = new Kind[48];
    final String[] as = new String[48];
    final String[] bs = new String[48];
    final Facts.Term[] words = new Facts.Term[48];
    int size;

    @Override
    public void accept(Kind kind, String a, String b, Facts.Term w) {
      int i = Model.this.index.get(kind.key(a, b));
      if (i < 0 || size == index.length) {
        return; // unknown, or a very long note: its first words are enough
      }
      for (int k = 0; k < size; k++) {
        if (index[k] == i) {
          return;
        }
      }
      index[size] = i;
      kinds[size] = kind;
      as[size] = a;
      bs[size] = b;
      words[size] = w;
      size++;
    }

    String shown(int k) {
      return Features.shown(kinds[k], as[k], bs[k], words[k]);
    }
  }

  /** The probabilities of one head, from its summed weights in {@code z} from {@code from}. */
  private static double[] softmax(double[] z, int from, float[] bias) {
    double[] p = new double[bias.length];
    double best = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < p.length; c++) {
      p[c] = z[from + c] + bias[c];
      best = Math.max(best, p[c]);
    }
    double sum = 0;
    for (int c = 0; c < p.length; c++) {
      p[c] = Math.exp(p[c] - best);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  /** The features that pushed most towards the label, against the other labels on average. */
  private static List<String> weighedMost(float[] w, int labels, int label, Found found,
      int max) {
    int n = found.size;
    double[] push = new double[n];
    for (int k = 0; k < n; k++) {
      int at = found.index[k] * labels;
      double mean = 0;
      for (int c = 0; c < labels; c++) {
        mean += w[at + c];
      }
      push[k] = w[at + label] - mean / labels;
    }
    List<String> out = new ArrayList<>(max);
    boolean[] taken = new boolean[n];
    while (out.size() < max) {
      int best = -1;
      for (int k = 0; k < n; k++) {
        if (!taken[k] && push[k] > 0.05 && (best < 0 || push[k] > push[best])) {
          best = k;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      String shown = found.shown(best);
      if (!out.contains(shown)) {
        out.add(shown);
      }
    }
    return out;
  }

  /** The model as bytes (compressed), the same for the same model. */
  public byte[] bytes() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(buffer))) {
      out.writeInt(MAGIC);
      out.writeUTF(info.team());
      out.writeInt(info.version());
      out.writeLong(info.newest().toEpochMilli());
      out.writeInt(info.decisions());
      out.writeInt(info.corrections());
      out.writeInt(info.seeds());
      out.writeDouble(info.actionAgreement());
      out.writeDouble(info.categoryAgreement());
      out.writeInt(names.length);
      for (String name : names) {
        out.writeUTF(name);
      }
      write(out, categoryWeights, categoryBias);
      write(out, actionWeights, actionBias);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /**
   * A model from its bytes.
   *
   * @throws IllegalArgumentException when they are not a model's
   */
  public static Model read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(
        new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a Doorman model");
      }
      Info info = new Info(in.readUTF(), in.readInt(), Instant.ofEpochMilli(in.readLong()),
          in.readInt(), in.readInt(), in.readInt(), in.readDouble(), in.readDouble());
      String[] names = new String[in.readInt()];
      for (int i = 0; i < names.length; i++) {
        names[i] = in.readUTF();
      }
      float[] categoryBias = new float[CATEGORIES];
      float[] categoryWeights = read(in, CATEGORIES, names.length, categoryBias);
      float[] actionBias = new float[ACTIONS];
      float[] actionWeights = read(in, ACTIONS, names.length, actionBias);
      return new Model(info, names, categoryWeights, categoryBias, actionWeights, actionBias);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Doorman model: " + e.getMessage(), e);
    }
  }

  private static void write(DataOutputStream out, float[] w, float[] bias) throws IOException {
    for (float b : bias) {
      out.writeFloat(b);
    }
    for (float v : w) {
      out.writeFloat(v);
    }
  }

  private static float[] read(DataInputStream in, int labels, int n, float[] bias)
      throws IOException {
    for (int c = 0; c < labels; c++) {
      bias[c] = in.readFloat();
    }
    float[] w = new float[labels * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = in.readFloat();
    }
    return w;
  }

  /** The key of a stored feature name, {@code k:a} or {@code k:a|b}. */
  static long keyOf(String name) {
    Kind kind = null;
    for (Kind k : Kind.values()) {
      if (k.letter == name.charAt(0)) {
        kind = k;
      }
    }
    if (kind == null) {
      throw new IllegalArgumentException("unknown feature '" + name + "'");
    }
    String rest = name.substring(2);
    int bar = rest.indexOf('|');
    return bar < 0 ? kind.key(rest, null) : kind.key(rest.substring(0, bar),
        rest.substring(bar + 1));
  }
}
