package io.doorman.metrics;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/** A registry of counters and summaries, written out in Prometheus' text format (version 0.0.4). */
public final class Metrics {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final List<Family> families = new CopyOnWriteArrayList<>();

  /** A counter with these label names (none for a plain counter). */
  public Counter counter(String name, String help, String... labelNames) {
    Counter c = new Counter(name, help, labelNames);
    register(c);
    return c;
  }

  /** A gauge whose value is asked when the metrics are written. */
  public Gauge gauge(String name, String help, java.util.function.LongSupplier value) {
    Gauge g = new Gauge(name, help, value);
    register(g);
    return g;
  }

  /** A summary (count and sum) of durations or sizes, with these label names. */
  public Summary summary(String name, String help, String... labelNames) {
    Summary s = new Summary(name, help, labelNames);
    register(s);
    return s;
  }

  private void register(Family f) {
    for (Family known : families) {
      if (known.name.equals(f.name)) {
        throw new IllegalArgumentException("metric " + f.name + " is already registered");
      }
    }
    families.add(f);
  }

  /** Everything, in the text exposition format. */
  public void writeTo(Writer out) throws IOException {
    for (Family f : families) {
      f.writeTo(out);
    }
  }

  /** A named series family: one value per combination of label values. */
  abstract static class Family {
    final String name;
    final String help;
    final String[] labelNames;

    Family(String name, String help, String[] labelNames) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("bad metric name " + name);
      }
      for (String l : labelNames) {
        if (!LABEL.matcher(l).matches() || l.startsWith("__")) {
          throw new IllegalArgumentException("bad label name " + l);
        }
      }
      this.name = name;
      this.help = help;
      this.labelNames = labelNames.clone();
    }

    List<String> key(String... labelValues) {
      if (labelValues.length != labelNames.length) {
        throw new IllegalArgumentException(
            name + " takes " + labelNames.length + " label values, not " + labelValues.length);
      }
      return List.of(labelValues);
    }

    String labels(List<String> values) {
      List<String> pairs = new ArrayList<>();
      for (int i = 0; i < labelNames.length; i++) {
        pairs.add(labelNames[i] + "=\"" + escapeLabel(values.get(i)) + "\"");
      }
      return pairs.isEmpty() ? "" : "{" + String.join(",", pairs) + "}";
    }

    void header(Writer out, String type) throws IOException {
      out.write("# HELP " + name + " " + escapeHelp(help) + "\n");
      out.write("# TYPE " + name + " " + type + "\n");
    }

    abstract void writeTo(Writer out) throws IOException;
  }

  /** Counts up, never down. */
  public static final class Counter extends Family {
    private final Map<List<String>, LongAdder> values = new ConcurrentHashMap<>();

    Counter(String name, String help, String[] labelNames) {
      super(name, help, labelNames);
      if (labelNames.length == 0) {
        values.put(List.of(), new LongAdder()); // a plain counter shows 0 before its first count
      }
    }

    public void inc(String... labelValues) {
      add(1, labelValues);
    }

    public void add(long n, String... labelValues) {
      if (n < 0) {
        throw new IllegalArgumentException("a counter only counts up");
      }
      values.computeIfAbsent(key(labelValues), k -> new LongAdder()).add(n);
    }

    public long value(String... labelValues) {
      LongAdder a = values.get(key(labelValues));
      return a == null ? 0 : a.sum();
    }

    @Override
    void writeTo(Writer out) throws IOException {
      header(out, "counter");
      for (Map.Entry<List<String>, LongAdder> e : sorted(values).entrySet()) {
        out.write(name + labels(e.getKey()) + " " + e.getValue().sum() + "\n");
      }
    }
  }

  /** A value that goes up and down, read when written out; one that cannot be read is left out. */
  public static final class Gauge extends Family {
    private final java.util.function.LongSupplier value;

    Gauge(String name, String help, java.util.function.LongSupplier value) {
      super(name, help, new String[0]);
      this.value = value;
    }

    @Override
    void writeTo(Writer out) throws IOException {
      long v;
      try {
        v = value.getAsLong();
      } catch (RuntimeException e) {
        return; // the store is down: no sample rather than a made-up one
      }
      header(out, "gauge");
      out.write(name + " " + v + "\n");
    }
  }

  /** Count and sum of observations, e.g. seconds per Slack API call. */
  public static final class Summary extends Family {
    private final Map<List<String>, Cell> values = new ConcurrentHashMap<>();

    private static final class Cell {
      final LongAdder count = new LongAdder();
      final DoubleAdder sum = new DoubleAdder();
    }

    Summary(String name, String help, String[] labelNames) {
      super(name, help, labelNames);
    }

    public void observe(double value, String... labelValues) {
      Cell c = values.computeIfAbsent(key(labelValues), k -> new Cell());
      c.count.increment();
      c.sum.add(value);
    }

    public long count(String... labelValues) {
      Cell c = values.get(key(labelValues));
      return c == null ? 0 : c.count.sum();
    }

    @Override
    void writeTo(Writer out) throws IOException {
      header(out, "summary");
      for (Map.Entry<List<String>, Cell> e : sorted(values).entrySet()) {
        String l = labels(e.getKey());
        out.write(name + "_count" + l + " " + e.getValue().count.sum() + "\n");
        out.write(name + "_sum" + l + " " + e.getValue().sum.sum() + "\n");
      }
    }
  }

  private static <V> Map<List<String>, V> sorted(Map<List<String>, V> values) {
    Map<List<String>, V> out = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    out.putAll(values);
    return out;
  }

  static String escapeLabel(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String escapeHelp(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
