package io.doorman.policies.engine;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Message;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The shared corpus's labels.jsonl, turned into the records the mail parser would make. */
final class CorpusLabels {

  /** One labelled line. */
  record Labelled(JsonObject json) {
    String source() {
      return json.get("source").getAsString();
    }

    String kind() {
      return json.get("kind").getAsString();
    }

    Optional<String> text(String field) {
      return json.has(field) && !json.get(field).isJsonNull()
          ? Optional.of(json.get(field).getAsString())
          : Optional.empty();
    }

    Origin origin() {
      Authenticity a = Authenticity.valueOf(
          text("authenticity").orElse("unverified").toUpperCase(Locale.ROOT));
      Language lang = Language.valueOf(text("lang").orElse("en").toUpperCase(Locale.ROOT));
      return new Origin(source(), Optional.empty(), Optional.empty(), a, Optional.empty(), lang);
    }

    Person sender() {
      return new Person(text("sender_name").orElse("?"), text("sender_headline"),
          Optional.empty(), Optional.empty());
    }

    Invitation invitation() {
      OptionalInt mutual = json.has("mutual_connections") && !json.get("mutual_connections").isJsonNull()
          ? OptionalInt.of(json.get("mutual_connections").getAsInt())
          : OptionalInt.empty();
      return new Invitation(origin(), sender(), mutual, text("note"), Optional.empty(),
          Optional.empty(), false);
    }

    Message message() {
      return new Message(origin(), sender(), text("note").orElse(""));
    }
  }

  /** The corpus directory, from the doorman.corpus property or the DOORMAN_CORPUS variable. */
  static Optional<Path> directory() {
    for (String candidate : new String[] {System.getProperty("doorman.corpus"), System.getenv("DOORMAN_CORPUS")}) {
      if (candidate != null && Files.isRegularFile(Path.of(candidate, "labels.jsonl"))) {
        return Optional.of(Path.of(candidate));
      }
    }
    return Optional.empty();
  }

  static List<Labelled> read(Path dir) throws IOException {
    List<Labelled> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(new Labelled(JsonParser.parseString(line).getAsJsonObject()));
      }
    }
    return out;
  }
}
