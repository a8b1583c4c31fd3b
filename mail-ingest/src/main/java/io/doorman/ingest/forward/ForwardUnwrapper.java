package io.doorman.ingest.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first forwarded message inside a body: a marker line ("---------- Forwarded message
 * ---------", "Begin forwarded message:", a rule of underscores, "-----Original Message-----", and
 * their German, French and Spanish forms) and/or a block of header lines (From/Von/De, Subject/
 * Betreff/Objet/Asunto, …). Everything above it is the forwarder's own text.
 */
public final class ForwardUnwrapper {

  private static final Pattern MARKER =
      Pattern.compile(
          "^(?:-{3,}\\s*(?:forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]"
              + "|mensaje reenviado|original message|urspr[üu]ngliche nachricht|message d'origine"
              + "|mensaje original)\\s*-{3,}"
              + "|(?:begin forwarded message|anfang der weitergeleiteten nachricht"
              + "|d[ée]but du message r[ée]exp[ée]di[ée]|inicio del mensaje reenviado)\\s*:?"
              + "|_{10,})$");

  private static final Pattern HEADER_LINE =
      Pattern.compile("^[*>\\s]*([A-Za-zÀ-ÿ-]{2,12})\\s*:\\*?\\s*(.*)$");

  private static final Set<String> FROM = Set.of("from", "von", "de");
  private static final Set<String> TO = Set.of("to", "an", "à", "a", "para");
  private static final Set<String> SUBJECT = Set.of("subject", "betreff", "objet", "asunto");
  private static final Set<String> OTHER =
      Set.of(
          "sent", "gesendet", "envoyé", "enviado", "date", "datum", "fecha", "cc", "reply-to",
          "antwort", "répondre", "responder", "bcc");

  private ForwardUnwrapper() {}

  /** The first forwarded message in these body lines, if there is one. */
  public static Optional<Forwarded> find(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!mayStartForward(line)) {
        continue;
      }
      boolean marker = MARKER.matcher(line.toLowerCase(Locale.ROOT)).matches();
      int start = marker ? skipBlank(lines, i + 1) : i;
      Optional<Forwarded> block = headerBlock(lines, start);
      if (block.isPresent() && (marker || block.get().subject().isPresent())) {
        return block;
      }
    }
    return Optional.empty();
  }

  /** A cheap test before the patterns: a marker or a "Name: value" header line. */
  private static boolean mayStartForward(String line) {
    if (line.startsWith("-") || line.startsWith("_") || line.endsWith(":")) {
      return true;
    }
    int colon = line.indexOf(':');
    return colon > 0 && colon <= 16;
  }

  private static Optional<Forwarded> headerBlock(List<String> lines, int start) {
    String from = null;
    String to = null;
    String subject = null;
    int count = 0;
    int i = start;
    while (i < lines.size()) {
      Matcher m = HEADER_LINE.matcher(lines.get(i));
      if (!m.matches()) {
        break;
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String value = m.group(2).replace("*", "").strip();
      if (FROM.contains(key) && from == null) {
        from = value;
      } else if (TO.contains(key) && to == null) {
        to = value;
      } else if (SUBJECT.contains(key) && subject == null) {
        subject = value;
      } else if (!OTHER.contains(key)) {
        break;
      }
      count++;
      i++;
    }
    if (from == null || count < 2) {
      return Optional.empty();
    }
    List<String> body = new ArrayList<>(lines.subList(skipBlank(lines, i), lines.size()));
    return Optional.of(
        new Forwarded(
            Optional.of(from), Optional.ofNullable(to), Optional.ofNullable(subject), unquote(body)));
  }

  /** Undoes "> " quoting when every non-empty line of the forwarded body carries it. */
  private static List<String> unquote(List<String> body) {
    boolean quoted = false;
    for (String line : body) {
      if (line.isBlank()) {
        continue;
      }
      if (!line.startsWith(">")) {
        return body;
      }
      quoted = true;
    }
    if (!quoted) {
      return body;
    }
    List<String> out = new ArrayList<>(body.size());
    for (String line : body) {
      String s = line.startsWith(">") ? line.substring(1) : line;
      out.add(s.startsWith(" ") ? s.substring(1) : s);
    }
    return out;
  }

  private static int skipBlank(List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    return i;
  }
}
