package io.doorman.ingest.linkedin;

import io.doorman.ingest.authenticity.AuthenticityJudge;
import io.doorman.ingest.authenticity.SignatureCheck;
import io.doorman.ingest.authenticity.Verification;
import io.doorman.ingest.forward.ForwardUnwrapper;
import io.doorman.ingest.forward.Forwarded;
import io.doorman.ingest.mime.Mailbox;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Language;
import io.doorman.policies.Notification;
import io.doorman.policies.Origin;
import io.doorman.policies.Other;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises which LinkedIn notification an email is and reads its fields: finds the original (an
 * attached message, an inline forward, or the email itself), tells its kind from LinkedIn's marks
 * (headers, link paths and tracking; wording only where those are gone), and hands it to the reader
 * for that kind. What could not be read is named in the notification's problems; nothing is
 * dropped.
 */
public final class NotificationRecognizer {

  private static final Logger log = LoggerFactory.getLogger(NotificationRecognizer.class);

  /** A comment after a date, "(UTC)" say, which the date parser does not take. */
  private static final Pattern ZONE_COMMENT = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

  private final SignatureCheck signatures;

  public NotificationRecognizer() {
    this(original -> Verification.NONE);
  }

  public NotificationRecognizer(SignatureCheck signatures) {
    this.signatures = signatures;
  }

  /**
   * The notifications in this email, at least one; {@code other} when it is none of LinkedIn's.
   * Never throws: a failure while reading is logged with the source and becomes a problem.
   */
  public List<Notification> recognize(String source, MimeMail mail) {
    try {
      return read(source, mail);
    } catch (RuntimeException e) {
      log.warn("{}: the LinkedIn reader failed; kept as needing a look", source, e);
      Origin origin =
          new Origin(
              source,
              mail.header("Message-ID").map(String::strip),
              Optional.empty(),
              Authenticity.UNVERIFIED,
              Optional.empty(),
              Language.EN,
              false,
              List.of("reader failed: " + e.getClass().getSimpleName()));
      return List.of(new Other(origin, mail.header("Subject").orElse("")));
    }
  }

  private List<Notification> read(String source, MimeMail mail) {
    Optional<MimeMail> attached = attachedNotification(mail);
    if (attached.isPresent()) {
      Verification signature = signatures.check(attached.get());
      return readOriginal(source, original(signature.signedOnly().orElse(attached.get())), signature);
    }
    Original outer = original(mail);
    if (!Marks.claimsLinkedIn(outer)) {
      Optional<Forwarded> forwarded = ForwardUnwrapper.find(bodyLines(mail));
      if (forwarded.isPresent()) {
        return readOriginal(source, inlineForward(forwarded.get()), Verification.NONE);
      }
    }
    Verification signature = signatures.check(mail);
    return readOriginal(source, signature.signedOnly().map(NotificationRecognizer::original).orElse(outer), signature);
  }

  private List<Notification> readOriginal(String source, Original original, Verification signature) {
    Marks marks = Marks.of(original);
    Kind kind = Kind.of(original, marks);
    Authenticity authenticity = authenticity(original, kind, signature);
    boolean linksShown = authenticity != Authenticity.SPOOFED;
    Reading reading = new Reading(original, marks, kind == Kind.MESSAGE, linksShown);
    List<String> problems = new ArrayList<>();
    if (kind == Kind.OTHER && marks.linkedIn() && marks.family() != Family.NOT_A_NOTIFICATION
        && Marks.sentByLinkedIn(original)) {
      problems.add("LinkedIn email of a kind Doorman does not know"
          + (marks.template().isEmpty() ? "" : " (" + marks.template() + ")"));
    }
    Origin origin =
        new Origin(
            source,
            original.messageId(),
            recipient(original, reading.layout),
            authenticity,
            original.sentAt(),
            language(original, reading.layout),
            signature.verified() && authenticity != Authenticity.SPOOFED,
            problems);
    return switch (kind) {
      case INVITATION -> List.of(InvitationReader.read(origin, reading));
      case DIGEST -> DigestReader.read(origin, reading);
      case MESSAGE -> List.of(MessageReader.read(origin, reading));
      case ACCEPTED -> List.of(AcceptedReader.read(origin, reading));
      case OTHER -> List.of(new Other(origin, original.subject()));
    };
  }

  private static Authenticity authenticity(Original o, Kind kind, Verification signature) {
    if (kind == Kind.OTHER && !Marks.claimsLinkedIn(o)) {
      return Authenticity.UNVERIFIED;
    }
    // Mail that claims to be LinkedIn's answers for every link in it; a paste by someone else
    // (a colleague, an issue tracker's gateway) only for the links that act for LinkedIn.
    boolean claims = Marks.claimsLinkedIn(o);
    List<String> urls = new ArrayList<>();
    for (Link link : o.links()) {
      if (claims || link.role().isContent()) {
        urls.add(link.url());
      }
    }
    return AuthenticityJudge.judge(o.fromAddress(), o.fromName(), urls, signature.failed());
  }

  private static Optional<String> recipient(Original o, Layout layout) {
    return o.to()
        .flatMap(Mailbox::name)
        .filter(n -> !n.isBlank())
        .or(layout::recipientName)
        .or(() -> o.to().flatMap(Mailbox::address));
  }

  /**
   * The language of LinkedIn's own text in the email (footer, labels, greeting), else of all of
   * it, else what the links' {@code lang=} says; English when nothing tells.
   */
  private static Language language(Original o, Layout layout) {
    return LanguageGuess.of(layout.templateText())
        .or(() -> LanguageGuess.of(allText(o)))
        .or(() -> langParameter(o))
        .orElse(Language.EN);
  }

  private static String allText(Original o) {
    StringBuilder sb = new StringBuilder();
    for (Line line : o.lines()) {
      sb.append(line.isLink() ? line.link().get().label() : line.text()).append('\n');
    }
    return sb.toString();
  }

  private static Optional<Language> langParameter(Original o) {
    for (Link link : o.links()) {
      Optional<Language> l = Url.of(link.url()).param("lang").flatMap(Language::ofCode);
      if (l.isPresent()) {
        return l;
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ finding the original

  private static Optional<MimeMail> attachedNotification(MimeMail mail) {
    for (MimeMail attached : mail.attachedMessages()) {
      if (Marks.of(original(attached)).linkedIn()) {
        return Optional.of(attached);
      }
    }
    return Optional.empty();
  }

  private static Original original(MimeMail mail) {
    boolean fromHtml = !hasText(mail);
    List<Line> parsed = withHtmlLinks(mail, Line.parse(bodyLines(mail)));
    return new Original(
        mail.header("From").map(Mailbox::parse),
        mail.header("To").map(Mailbox::parse),
        mail.header("Subject").orElse("").strip(),
        mail.header("Message-ID").map(String::strip),
        mail.header("Date").flatMap(NotificationRecognizer::date),
        parsed,
        Optional.of(mail),
        fromHtml);
  }

  /**
   * Some templates put their links only in the HTML part: when the text has none, the HTML's
   * links are added after it, so accept and profile links are still found.
   */
  private static List<Line> withHtmlLinks(MimeMail mail, List<Line> lines) {
    boolean textHasLinks = lines.stream().anyMatch(Line::isLink);
    if (textHasLinks || !hasText(mail) || mail.html().isEmpty()) {
      return lines;
    }
    List<Line> all = new ArrayList<>(lines);
    for (Line line : Line.parse(HtmlText.lines(capWords(mail.html().get())))) {
      if (line.isLink()) {
        all.add(line);
      }
    }
    return all;
  }

  private static Original inlineForward(Forwarded f) {
    return new Original(
        f.from().map(Mailbox::parse),
        f.to().map(Mailbox::parse),
        f.subject().orElse("").strip(),
        Optional.empty(),
        Optional.empty(),
        Line.parse(f.body()),
        Optional.empty(),
        false);
  }

  private static boolean hasText(MimeMail mail) {
    return mail.plainText().isPresent() && !mail.plainText().get().isBlank();
  }

  /** The body as lines: the text/plain part, or the HTML part made text. */
  static List<String> bodyLines(MimeMail mail) {
    if (hasText(mail)) {
      String text = capWords(mail.plainText().get());
      return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }
    return mail.html().map(html -> HtmlText.lines(capWords(html))).orElse(List.of());
  }

  /** No word in a notification is 4,000 characters long; longer runs are damage, and are cut. */
  private static final int MAX_WORD = 4_000;

  static String capWords(String text) {
    if (text.length() <= MAX_WORD) {
      return text; // no word can be longer than the text
    }
    int run = 0;
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = Character.isWhitespace(c) ? 0 : run + 1;
      if (run > MAX_WORD) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        continue;
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static Optional<Instant> date(String value) {
    String v = value.indexOf('(') < 0 ? value.strip() : ZONE_COMMENT.matcher(value).replaceAll("").strip();
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The kinds of notification, as read from the marks first and the wording last. */
  enum Kind {
    INVITATION,
    DIGEST,
    MESSAGE,
    ACCEPTED,
    OTHER;

    static Kind of(Original o, Marks marks) {
      if (!marks.linkedIn()) {
        return OTHER;
      }
      switch (marks.family()) {
        case INVITATION:
          return marks.accepts() >= 2 ? DIGEST : INVITATION;
        case DIGEST:
          return DIGEST;
        case MESSAGE:
          return MESSAGE;
        case ACCEPTED:
          return ACCEPTED;
        default:
          break;
      }
      if (marks.accepts() >= 2) {
        return DIGEST;
      }
      if (marks.accepts() == 1) {
        return INVITATION;
      }
      if (marks.family() == Family.NOT_A_NOTIFICATION) {
        return OTHER;
      }
      return byWording(o, marks);
    }

    /** Where the marks say nothing (a paste that lost its links, say): LinkedIn's headings. */
    private static Kind byWording(Original o, Marks marks) {
      String subject = o.subject();
      String top = topLines(o);
      if (TemplateText.isAccepted(subject) || TemplateText.isAccepted(top)) {
        return ACCEPTED;
      }
      if (TemplateText.isInvitationSubject(subject) || TemplateText.isInvitationSubject(top)) {
        return TemplateText.isDigest(subject) || TemplateText.isDigest(top) ? DIGEST : INVITATION;
      }
      if (marks.threads() || TemplateText.isMessage(subject) || TemplateText.isMessage(top)) {
        return MESSAGE;
      }
      return OTHER;
    }

    /** The first few text lines: where LinkedIn puts its headings. */
    private static String topLines(Original o) {
      StringBuilder sb = new StringBuilder();
      int n = 0;
      for (Line line : o.lines()) {
        if (line.isBlank() || line.isLink()) {
          continue;
        }
        sb.append(line.text()).append('\n');
        if (++n == 6) {
          break;
        }
      }
      return sb.toString();
    }
  }
}
