package io.doorman.outbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/** What an effect's sender needs to know, as a small JSON object kept in the outbox row. */
public final class Payload {

  private final JsonObject json;

  private Payload(JsonObject json) {
    this.json = json;
  }

  /** A payload of name, value pairs: values are strings, numbers or booleans. */
  public static Payload of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values in pairs");
    }
    JsonObject o = new JsonObject();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object v = namesAndValues[i + 1];
      if (v instanceof Number n) {
        o.addProperty(name, n);
      } else if (v instanceof Boolean b) {
        o.addProperty(name, b);
      } else if (v != null) {
        o.addProperty(name, v.toString());
      }
    }
    return new Payload(o);
  }

  static Payload parse(String text) {
    return new Payload(JsonParser.parseString(text).getAsJsonObject());
  }

  public long number(String name) {
    return json.get(name).getAsLong();
  }

  public String text(String name) {
    return json.get(name).getAsString();
  }

  public Optional<String> optional(String name) {
    JsonElement e = json.get(name);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e.getAsString());
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
