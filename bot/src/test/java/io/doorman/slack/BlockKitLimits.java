package io.doorman.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * The Block Kit limits Slack enforces (and answers {@code invalid_blocks} for): blocks per
 * message or view, section text 3,000, section field 2,000 (10 fields), header 150, button label
 * 75, button value 2,000, url 3,000, context elements 10, action elements 25.
 */
public final class BlockKitLimits {

  private BlockKitLimits() {}

  /** Why {@code blocksJson} would be refused; empty when Slack would take it (or it is absent). */
  public static Optional<String> check(String blocksJson, int maxBlocks) {
    if (blocksJson == null || blocksJson.isEmpty()) {
      return Optional.empty();
    }
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(blocksJson);
    } catch (RuntimeException e) {
      return Optional.of("blocks are not JSON");
    }
    if (!parsed.isJsonArray()) {
      return Optional.of("blocks must be an array");
    }
    if (parsed.getAsJsonArray().size() > maxBlocks) {
      return Optional.of("more than " + maxBlocks + " blocks");
    }
    for (JsonElement e : parsed.getAsJsonArray()) {
      Optional<String> problem = block(e.getAsJsonObject());
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> block(JsonObject b) {
    String type = b.has("type") ? b.get("type").getAsString() : "";
    switch (type) {
      case "section" -> {
        if (b.has("text") && text(b.get("text")).length() > 3000) {
          return Optional.of("section text over 3000 characters");
        }
        if (!b.has("text") && !b.has("fields")) {
          return Optional.of("section without text or fields");
        }
        if (b.has("fields")) {
          if (b.getAsJsonArray("fields").size() > 10) {
            return Optional.of("more than 10 fields");
          }
          for (JsonElement f : b.getAsJsonArray("fields")) {
            if (text(f).length() > 2000) {
              return Optional.of("field over 2000 characters");
            }
          }
        }
        if (b.has("accessory")) {
          return element(b.getAsJsonObject("accessory"));
        }
      }
      case "header" -> {
        if (text(b.get("text")).length() > 150) {
          return Optional.of("header over 150 characters");
        }
      }
      case "context" -> {
        if (b.getAsJsonArray("elements").size() > 10) {
          return Optional.of("more than 10 context elements");
        }
        for (JsonElement e : b.getAsJsonArray("elements")) {
          if (text(e).length() > 3000) {
            return Optional.of("context text over 3000 characters");
          }
        }
      }
      case "actions" -> {
        if (b.getAsJsonArray("elements").size() > 25) {
          return Optional.of("more than 25 action elements");
        }
        for (JsonElement e : b.getAsJsonArray("elements")) {
          Optional<String> problem = element(e.getAsJsonObject());
          if (problem.isPresent()) {
            return problem;
          }
        }
      }
      case "input" -> {
        if (text(b.get("label")).length() > 2000) {
          return Optional.of("input label over 2000 characters");
        }
      }
      case "divider" -> {}
      default -> {
        return Optional.of("unknown block type '" + type + "'");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> element(JsonObject e) {
    if ("button".equals(e.get("type").getAsString())) {
      if (text(e.get("text")).length() > 75) {
        return Optional.of("button label over 75 characters");
      }
      if (e.has("value") && e.get("value").getAsString().length() > 2000) {
        return Optional.of("button value over 2000 characters");
      }
      if (e.has("url") && e.get("url").getAsString().length() > 3000) {
        return Optional.of("button url over 3000 characters");
      }
      if (e.has("action_id") && e.get("action_id").getAsString().length() > 255) {
        return Optional.of("action_id over 255 characters");
      }
    }
    return Optional.empty();
  }

  private static String text(JsonElement t) {
    if (t == null || t.isJsonNull()) {
      return "";
    }
    if (t.isJsonPrimitive()) {
      return t.getAsString();
    }
    JsonObject o = t.getAsJsonObject();
    return o.has("text") ? o.get("text").getAsString() : "";
  }
}
