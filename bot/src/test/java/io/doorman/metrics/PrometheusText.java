package io.doorman.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format (0.0.4), for tests: every sample must
 * belong to a family declared by # HELP and # TYPE, label values must be properly quoted, values
 * must be numbers. Returns each sample (name with labels, as written) and its value.
 */
public final class PrometheusText {

  private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
  private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,(?=[a-zA-Z_]))?)*\\})? (\\S+)");

  private PrometheusText() {}

  public static Map<String, Double> parse(String text) {
    Map<String, String> types = new HashMap<>();
    Map<String, Double> samples = new LinkedHashMap<>();
    String helped = null;
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = HELP.matcher(line)).matches()) {
        helped = m.group(1);
      } else if ((m = TYPE.matcher(line)).matches()) {
        if (!m.group(1).equals(helped) || types.containsKey(m.group(1))) {
          throw new AssertionError("line " + lineNo + ": TYPE without its HELP, or twice: " + line);
        }
        types.put(m.group(1), m.group(2));
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String family = family(m.group(1), types);
        if (family == null) {
          throw new AssertionError("line " + lineNo + ": sample of an undeclared family: " + line);
        }
        double value = Double.parseDouble(m.group(3));
        if (samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), value) != null) {
          throw new AssertionError("line " + lineNo + ": duplicate sample: " + line);
        }
      } else {
        throw new AssertionError("line " + lineNo + ": not Prometheus text: " + line);
      }
    }
    if (!text.endsWith("\n")) {
      throw new AssertionError("the exposition must end with a line feed");
    }
    return samples;
  }

  private static String family(String sample, Map<String, String> types) {
    if (types.containsKey(sample)) {
      return sample;
    }
    for (String suffix : new String[] {"_count", "_sum", "_bucket"}) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        String type = types.get(base);
        if ("summary".equals(type) || "histogram".equals(type)) {
          return base;
        }
      }
    }
    return null;
  }
}
