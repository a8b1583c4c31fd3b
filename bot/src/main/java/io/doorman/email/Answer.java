package io.doorman.email;

import io.doorman.email.token.ReplyTokens;
import io.doorman.lifecycle.Decision;
import io.doorman.ingest.mime.Mailbox;
import io.doorman.ingest.mime.MimeMail;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * An email read as an answer to Doorman: who sent it, the tokens it carries (in a {@code
 * doorman+TOKEN@} address or a {@code [doorman #ID TOKEN]} subject) and what its first line that
 * is not quoted says: one decision's word, and after {@code ask} the question as the person wrote
 * it ({@code ask: Hi Jane, did we meet in Denver?}).
 */
record Answer(Optional<String> from, List<String> tokens, Optional<Said> said, boolean automatic) {

  /** The decision a first line names, and for an Ask the text after the word. */
  record Said(Decision decision, Optional<String> question) {}

  private static final Pattern SUBJECT = Pattern.compile("(?i)\\[doorman #(\\d+)(?:\\s+([^\\]\\s]+))?\\]");
  private static final Pattern QUOTE_HEADER = Pattern.compile(
      "(?i)^(on .+ wrote:|am .+ schrieb .+:|le .+ a écrit ?:|el .+ escribió:|-+ ?original message ?-+|from: .+|von: .+|de: .+)$");
  private static final Pattern FIRST_WORD = Pattern.compile("^\\p{L}+");

  /** Whether this email is meant as an answer to Doorman (so it is not a notification to store). */
  static boolean isAddressedToDoorman(MimeMail mail, String doormanAddress) {
    if (SUBJECT.matcher(mail.header("Subject").orElse("")).find()) {
      return true;
    }
    String plusPrefix = plusPrefix(doormanAddress);
    String domain = domain(doormanAddress);
    return recipients(mail).stream().anyMatch(a -> a.startsWith(plusPrefix) && a.endsWith(domain));
  }

  static Answer read(MimeMail mail, String doormanAddress) {
    Optional<String> from = mail.header("From").map(Mailbox::parse).flatMap(Mailbox::address)
        .map(a -> a.strip().toLowerCase(Locale.ROOT));
    List<String> tokens = new ArrayList<>();
    String plusPrefix = plusPrefix(doormanAddress);
    String domain = domain(doormanAddress);
    for (String a : recipients(mail)) {
      if (a.startsWith(plusPrefix) && a.endsWith(domain)) {
        tokens.add(a.substring(plusPrefix.length(), a.length() - domain.length()));
      }
    }
    Matcher m = SUBJECT.matcher(mail.header("Subject").orElse(""));
    while (m.find()) {
      if (m.group(2) != null) {
        tokens.add(m.group(2));
      }
    }
    String autoSubmitted = mail.header("Auto-Submitted").orElse("no").strip().toLowerCase(Locale.ROOT);
    String precedence = mail.header("Precedence").orElse("").strip().toLowerCase(Locale.ROOT);
    boolean automatic = !autoSubmitted.startsWith("no") || precedence.matches("bulk|junk|list|auto_reply")
        || mail.header("X-Autoreply").isPresent() || mail.header("X-Autorespond").isPresent();
    return new Answer(from, List.copyOf(tokens), said(mail), automatic);
  }

  /** The first line that is not blank and not quoted, when it starts with a decision's word. */
  static Optional<Said> said(MimeMail mail) {
    String body = mail.plainText().orElseGet(() -> mail.html().map(h -> Jsoup.parse(h).wholeText()).orElse(""));
    for (String raw : body.lines().toList()) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith(">")) {
        continue;
      }
      if (QUOTE_HEADER.matcher(line).matches()) {
        return Optional.empty(); // the quoted email starts before any word
      }
      Matcher w = FIRST_WORD.matcher(line);
      if (!w.find()) {
        return Optional.empty();
      }
      Optional<Decision> decision = Decision.parse(w.group());
      String rest = line.substring(w.end()).replaceFirst("^[\\s:.,;!-]+", "").strip();
      return decision.map(d -> new Said(d, d == Decision.ASK && !rest.isEmpty() ? Optional.of(rest) : Optional.empty()));
    }
    return Optional.empty();
  }

  /** Whether the tokens' shape is there at all (a forged answer usually has none). */
  boolean hasTokens() {
    return tokens.stream().anyMatch(t -> ReplyTokens.pattern().matcher(t).matches());
  }

  private static List<String> recipients(MimeMail mail) {
    List<String> out = new ArrayList<>();
    for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
      for (MimeMail.Header h : mail.headers()) {
        if (h.name().equalsIgnoreCase(header)) {
          try {
            for (InternetAddress a : InternetAddress.parseHeader(h.value(), false)) {
              if (a.getAddress() != null) {
                out.add(a.getAddress().strip().toLowerCase(Locale.ROOT));
              }
            }
          } catch (AddressException e) {
            Mailbox.parse(h.value()).address().ifPresent(a -> out.add(a.toLowerCase(Locale.ROOT)));
          }
        }
      }
    }
    return out;
  }

  private static String plusPrefix(String doormanAddress) {
    String a = doormanAddress.toLowerCase(Locale.ROOT);
    return a.substring(0, a.lastIndexOf('@')) + "+";
  }

  private static String domain(String doormanAddress) {
    String a = doormanAddress.toLowerCase(Locale.ROOT);
    return a.substring(a.lastIndexOf('@'));
  }
}
