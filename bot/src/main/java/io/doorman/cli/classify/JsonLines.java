package io.doorman.cli.classify;

import com.google.gson.stream.JsonWriter;
import io.doorman.policies.Accepted;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.Reply;
import io.doorman.policies.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One JSON object per line with every field of CONTRACT.md; absent values are {@code null}, never
 * missing keys.
 */
final class JsonLines {

  private JsonLines() {}

  static String line(Classified c) {
    StringWriter out = new StringWriter(512);
    try (JsonWriter json = new JsonWriter(out)) {
      json.setSerializeNulls(true);
      json.setHtmlSafe(false);
      write(json, c);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void write(JsonWriter json, Classified c) throws IOException {
    Notification n = c.notification();
    Origin origin = n.origin();
    json.beginObject();
    json.name("source").value(origin.source());
    string(json, "messageId", origin.messageId());
    json.name("kind").value(n.kind().wireName());
    string(json, "recipient", origin.recipient());
    json.name("sender");
    person(json, sender(n));
    integer(json, "mutualConnections", mutualConnections(n));
    string(json, "note", note(n));
    string(json, "acceptUrl", n instanceof Invitation i ? i.acceptUrl() : Optional.empty());
    json.name("authenticity").value(origin.authenticity().wireName());
    json.name("verified").value(origin.verified());
    json.name("language").value(origin.language().code());
    json.name("problems").beginArray();
    for (String problem : origin.problems()) {
      json.value(problem);
    }
    json.endArray();
    json.name("verdict").beginObject();
    string(json, "action", action(c));
    string(json, "category", c.verdict().map(v -> v.category().wireName()));
    json.name("reasons").beginArray();
    for (String reason : reasons(c)) {
      json.value(reason);
    }
    json.endArray();
    json.endObject();
    json.name("reply").beginObject();
    string(json, "class", c.reply().map(r -> r.replyClass().wireName()));
    json.endObject();
    json.endObject();
  }

  private static Optional<String> action(Classified c) {
    return c.verdict()
        .map(v -> v.action().wireName())
        .or(() -> c.reply().map(r -> r.action().wireName()));
  }

  private static List<String> reasons(Classified c) {
    return c.verdict().map(Verdict::reasons).or(() -> c.reply().map(Reply::reasons)).orElse(List.of());
  }

  private static Optional<Person> sender(Notification n) {
    if (n instanceof Invitation i) {
      return Optional.of(i.sender());
    } else if (n instanceof Message m) {
      return Optional.of(m.sender());
    } else if (n instanceof Accepted a) {
      return Optional.of(a.person());
    }
    return Optional.empty();
  }

  private static OptionalInt mutualConnections(Notification n) {
    return n instanceof Invitation i ? i.mutualConnections() : OptionalInt.empty();
  }

  private static Optional<String> note(Notification n) {
    if (n instanceof Invitation i) {
      return i.note();
    } else if (n instanceof Message m) {
      return Optional.of(m.text());
    }
    return Optional.empty();
  }

  private static void person(JsonWriter json, Optional<Person> person) throws IOException {
    json.beginObject();
    string(json, "name", person.map(Person::name).filter(name -> !name.isBlank()));
    string(json, "headline", person.flatMap(Person::headline));
    string(json, "location", person.flatMap(Person::location));
    string(json, "profileUrl", person.flatMap(Person::profileUrl));
    json.endObject();
  }

  private static void string(JsonWriter json, String name, Optional<String> value) throws IOException {
    json.name(name);
    if (value.isPresent()) {
      json.value(value.get());
    } else {
      json.nullValue();
    }
  }

  private static void integer(JsonWriter json, String name, OptionalInt value) throws IOException {
    json.name(name);
    if (value.isPresent()) {
      json.value(value.getAsInt());
    } else {
      json.nullValue();
    }
  }
}
