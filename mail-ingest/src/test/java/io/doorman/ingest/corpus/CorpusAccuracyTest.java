package io.doorman.ingest.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.policies.Accepted;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads every email of the shared corpus and compares each parsed field with its label, the way
 * the shared scorer does (whitespace collapsed, NFC): each field must be right for at least 98%.
 */
class CorpusAccuracyTest {

  private static final double REQUIRED = 0.98;
  private static final List<String> FIELDS =
      List.of("kind", "sender_name", "sender_headline", "mutual_connections", "note", "authenticity");

  @Test
  void everyParsedFieldIsRightForAtLeast98Percent() throws Exception {
    Path dir = SharedCorpus.dir();
    Map<String, Map<String, String>> labels = labels(dir.resolve("labels.jsonl"));
    Map<String, Map<String, String>> parsed = new HashMap<>();
    MailReader reader = new MailReader();
    for (Path email : SharedCorpus.emails()) {
      List<Notification> all = reader.read(new RawMail(email.getFileName().toString(), Files.readAllBytes(email)));
      for (Notification n : all) {
        parsed.put(n.origin().source(), fields(n));
      }
    }
    List<String> report = new ArrayList<>();
    for (String field : FIELDS) {
      int right = 0;
      int total = 0;
      for (Map.Entry<String, Map<String, String>> label : labels.entrySet()) {
        if (!label.getValue().containsKey(field)) {
          continue;
        }
        total++;
        Map<String, String> got = parsed.getOrDefault(label.getKey(), Map.of());
        if (Objects.equals(norm(label.getValue().get(field)), norm(got.get(field)))) {
          right++;
        } else {
          report.add(label.getKey() + " " + field + ": want " + label.getValue().get(field) + " got " + got.get(field));
        }
      }
      double share = total == 0 ? 1 : (double) right / total;
      System.out.printf("CorpusAccuracyTest: %-20s %d/%d = %.3f%n", field, right, total, share);
      assertTrue(share >= REQUIRED, field + " only " + share + "\n" + String.join("\n", report));
    }
  }

  private static Map<String, String> fields(Notification n) {
    Map<String, String> f = new HashMap<>();
    f.put("kind", n.kind().wireName());
    f.put("authenticity", n.origin().authenticity().wireName());
    Optional<Person> person = Optional.empty();
    if (n instanceof Invitation i) {
      person = Optional.of(i.sender());
      f.put("note", i.note().orElse(null));
      f.put("mutual_connections", i.mutualConnections().isPresent() ? String.valueOf(i.mutualConnections().getAsInt()) : null);
    } else if (n instanceof Message m) {
      person = Optional.of(m.sender());
      f.put("note", m.text());
    } else if (n instanceof Accepted a) {
      person = Optional.of(a.person());
    }
    f.put("sender_name", person.map(Person::name).orElse(null));
    f.put("sender_headline", person.flatMap(Person::headline).orElse(null));
    return f;
  }

  private static String norm(String s) {
    if (s == null) {
      return null;
    }
    String t = Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }

  // A tiny reader for the flat label lines: string, number, null values only.
  private static final Pattern PAIR =
      Pattern.compile("\"([a-z_]+)\":\\s*(null|-?\\d+|\"((?:[^\"\\\\]|\\\\.)*)\")");

  private static Map<String, Map<String, String>> labels(Path file) throws Exception {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, String> row = new HashMap<>();
      Matcher m = PAIR.matcher(line);
      while (m.find()) {
        String value = m.group(2).equals("null") ? null : m.group(3) != null ? unescape(m.group(3)) : m.group(2);
        row.put(m.group(1), value);
      }
      if (!"message".equals(row.get("kind")) && !"invitation".equals(row.get("kind"))) {
        row.remove("note");
      }
      if (row.get("sender_name") == null && "other".equals(row.get("kind"))) {
        row.remove("authenticity");
      }
      labels.put(row.get("source"), row);
    }
    return labels;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }
}
