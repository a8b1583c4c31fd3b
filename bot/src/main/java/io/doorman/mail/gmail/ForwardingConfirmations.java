package io.doorman.mail.gmail;

import io.doorman.ingest.mime.Mailbox;
import io.doorman.ingest.mime.MimeMail;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises Gmail's forwarding-confirmation email (from forwarding-noreply@google.com, "Gmail
 * Forwarding Confirmation", a code and a link), logs its code for the admin and tells subscribers
 * (the Slack side posts it).
 */
public final class ForwardingConfirmations {

  private static final Logger log = LoggerFactory.getLogger(ForwardingConfirmations.class);
  private static final String SENDER = "forwarding-noreply@google.com";
  private static final Pattern CODE = Pattern.compile("(?i)confirmation code:\\s*(\\d{5,12})");
  private static final Pattern SUBJECT_CODE = Pattern.compile("\\(#(\\d{5,12})\\)");
  private static final Pattern REQUESTER = Pattern.compile("(?i)receive mail from\\s+(\\S+@\\S+)");
  private static final Pattern LINK = Pattern.compile("https://[^\\s<>\"]+");

  private final Clock clock;
  private final List<Consumer<ForwardingConfirmation>> subscribers = new CopyOnWriteArrayList<>();
  private volatile Optional<ForwardingConfirmation> latest = Optional.empty();

  public ForwardingConfirmations(Clock clock) {
    this.clock = clock;
  }

  /** Called with each confirmation recognised (e.g. to post it to the admin's Slack channel). */
  public void subscribe(Consumer<ForwardingConfirmation> subscriber) {
    subscribers.add(subscriber);
  }

  /** The last confirmation seen since start, for the console or Slack. */
  public Optional<ForwardingConfirmation> latest() {
    return latest;
  }

  /** The confirmation in this email, logged and published; empty when it is not one. */
  public Optional<ForwardingConfirmation> recognise(MimeMail mail) {
    boolean fromGoogle = mail.header("From").map(Mailbox::parse).flatMap(Mailbox::address)
        .map(a -> a.toLowerCase(Locale.ROOT).equals(SENDER)).orElse(false);
    String subject = mail.header("Subject").orElse("");
    if (!fromGoogle || !subject.toLowerCase(Locale.ROOT).contains("gmail forwarding confirmation")) {
      return Optional.empty();
    }
    String body = mail.plainText().orElse(mail.html().orElse(""));
    Optional<String> code = find(CODE, body).or(() -> find(SUBJECT_CODE, subject));
    if (code.isEmpty()) {
      return Optional.empty();
    }
    ForwardingConfirmation c = new ForwardingConfirmation(code.get(), googleLink(body),
        find(REQUESTER, subject).or(() -> find(REQUESTER, body)).map(ForwardingConfirmations::trimAddress),
        clock.instant());
    latest = Optional.of(c);
    // WARN so it shows at the default log level: the admin has to act on it.
    log.warn("Gmail forwarding confirmation{}: code {}{}", c.requestedBy().map(r -> " for " + r).orElse(""),
        c.code(), c.link().map(l -> " (or open " + l + ")").orElse(""));
    subscribers.forEach(s -> s.accept(c));
    return latest;
  }

  private static Optional<URI> googleLink(String body) {
    Matcher m = LINK.matcher(body);
    while (m.find()) {
      try {
        URI uri = new URI(m.group());
        String host = Optional.ofNullable(uri.getHost()).orElse("").toLowerCase(Locale.ROOT);
        if (host.equals("google.com") || host.endsWith(".google.com")) {
          return Optional.of(uri);
        }
      } catch (URISyntaxException e) {
        // not a link after all
      }
    }
    return Optional.empty();
  }

  private static Optional<String> find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String trimAddress(String s) {
    return s.replaceAll("[.,;:>)\\]]+$", "").replaceAll("^[<(\\[]+", "");
  }
}
