package io.doorman.ingest.linkedin;

import io.doorman.ingest.authenticity.AuthenticityJudge;
import io.doorman.ingest.authenticity.LinkedInHosts;
import io.doorman.ingest.forward.ForwardUnwrapper;
import io.doorman.ingest.forward.Forwarded;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.Mailbox;
import io.doorman.policies.Accepted;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Notification;
import io.doorman.policies.Origin;
import io.doorman.policies.Other;
import io.doorman.policies.Person;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises which LinkedIn notification an email is and reads its fields: finds the original (an
 * attached message, an inline forward, or the email itself), decides its kind, and hands it to the
 * reader for that kind.
 */
public final class NotificationRecognizer {

  private static final Pattern VIA = Pattern.compile("(?i)\\s+(?:via|über|par|a través de|vía)\\s+LinkedIn$");
  private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)^(?:re|fwd?|wg|tr|rv)\\s*:\\s*");
  /** A comment after a date, "(UTC)" say, which the date parser does not take. */
  private static final Pattern ZONE_COMMENT = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

  /** What a DKIM check said of an original; the default never fails anything. */
  public interface DkimCheck {
    /** Whether the original's DKIM signature is present and fails. */
    boolean fails(MimeMail original);
  }

  private final DkimCheck dkim;

  public NotificationRecognizer() {
    this(original -> false);
  }

  public NotificationRecognizer(DkimCheck dkim) {
    this.dkim = dkim;
  }

  /** The notifications in this email; {@code other} when it is none of LinkedIn's. Never throws. */
  public List<Notification> recognize(String source, MimeMail mail) {
    try {
      return read(source, mail);
    } catch (RuntimeException e) {
      Origin origin =
          new Origin(
              source,
              mail.header("Message-ID"),
              Optional.empty(),
              Authenticity.UNVERIFIED,
              Optional.empty(),
              Language.EN);
      return List.of(new Other(origin, mail.header("Subject").orElse("")));
    }
  }

  private List<Notification> read(String source, MimeMail mail) {
    Optional<MimeMail> attached = attachedNotification(mail);
    if (attached.isPresent()) {
      return readOriginal(source, original(attached.get()), dkim.fails(attached.get()));
    }
    List<String> lines = bodyLines(mail);
    Original outer = original(mail, lines);
    if (!senderClaimsLinkedIn(outer)) {
      Optional<Forwarded> forwarded = ForwardUnwrapper.find(lines);
      if (forwarded.isPresent()) {
        return readOriginal(source, inlineForward(forwarded.get()), false);
      }
    }
    return readOriginal(source, outer, dkim.fails(mail));
  }

  private List<Notification> readOriginal(String source, Original original, boolean dkimFailed) {
    Kind kind = kindOf(original);
    Content content = Content.of(original);
    Language language = Wording.languageOf(original.text());
    Authenticity authenticity = authenticity(original, kind, dkimFailed);
    Origin origin =
        new Origin(
            source,
            original.messageId(),
            recipient(original, content),
            authenticity,
            original.sentAt(),
            language);
    boolean linksShown = authenticity != Authenticity.SPOOFED;
    List<String> names = senderNames(original, content);
    return switch (kind) {
      case INVITATION -> List.of(InvitationReader.read(origin, original, content, names, linksShown));
      case DIGEST -> DigestReader.read(origin, content, linksShown);
      case MESSAGE -> List.of(MessageReader.read(origin, original, content, names, linksShown));
      case ACCEPTED -> List.of(acceptedOf(origin, content, names, linksShown));
      case OTHER -> List.of(new Other(origin, original.subject()));
    };
  }

  enum Kind {
    INVITATION,
    DIGEST,
    MESSAGE,
    ACCEPTED,
    OTHER
  }

  private static Kind kindOf(Original o) {
    if (!looksLinkedIn(o)) {
      return Kind.OTHER;
    }
    String subject = o.subject();
    String top = topLines(o);
    int accepts = o.countLinks(Wording.LinkRole.ACCEPT);
    if (Wording.isAccepted(subject) || (accepts == 0 && Wording.isAccepted(top))) {
      return Kind.ACCEPTED;
    }
    if (accepts > 0 || Wording.isInvitationSubject(subject)) {
      boolean digest = Wording.isDigest(subject) || Wording.isDigest(top) || accepts >= 2;
      return digest ? Kind.DIGEST : Kind.INVITATION;
    }
    boolean thread = o.firstLink(Wording.LinkRole.THREAD).isPresent();
    if (Wording.isMessage(subject) || Wording.isMessage(top) || thread) {
      return Kind.MESSAGE;
    }
    return Kind.OTHER;
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

  /** Whether anything about it says LinkedIn: the sender, a link, or the text. */
  private static boolean looksLinkedIn(Original o) {
    if (senderClaimsLinkedIn(o)) {
      return true;
    }
    for (Link link : o.links()) {
      if (LinkedInHosts.claimsLinkedIn(link.url()) && link.role() != Wording.LinkRole.OTHER) {
        return true;
      }
    }
    return o.firstLink(Wording.LinkRole.ACCEPT).isPresent();
  }

  private static boolean senderClaimsLinkedIn(Original o) {
    return o.fromAddress().map(LinkedInHosts::claimsLinkedIn).orElse(false)
        || o.fromName().map(LinkedInHosts::claimsLinkedIn).orElse(false);
  }

  private static Authenticity authenticity(Original o, Kind kind, boolean dkimFailed) {
    if (kind == Kind.OTHER && !senderClaimsLinkedIn(o)) {
      return Authenticity.UNVERIFIED;
    }
    List<String> urls = new ArrayList<>();
    for (Link link : o.links()) {
      urls.add(link.url());
    }
    return AuthenticityJudge.judge(o.fromAddress(), o.fromName(), urls, dkimFailed);
  }

  private static Optional<String> recipient(Original o, Content content) {
    return o.to()
        .flatMap(Mailbox::name)
        .or(() -> content.recipientName())
        .or(() -> o.to().flatMap(Mailbox::address));
  }

  /** Names the sender may go by: the From display name, then names in the subject and headings. */
  private static List<String> senderNames(Original o, Content content) {
    List<String> names = new ArrayList<>();
    o.fromName()
        .map(n -> VIA.matcher(n).replaceFirst("").strip())
        .filter(n -> !n.equalsIgnoreCase("LinkedIn") && !n.isBlank())
        .ifPresent(names::add);
    Wording.nameIn(REPLY_PREFIX.matcher(o.subject()).replaceFirst(""))
        .ifPresent(names::add);
    for (Line line : content.lines()) {
      if (line.isLink()) {
        line.link().flatMap(l -> Wording.nameInProfileLabel(l.label())).ifPresent(names::add);
      } else if (names.isEmpty()) {
        Wording.nameIn(line.text()).ifPresent(names::add);
      }
    }
    return names;
  }

  private static Accepted acceptedOf(
      Origin origin, Content content, List<String> names, boolean linksShown) {
    List<List<String>> blocks = content.blocks();
    Optional<PersonBlock> person = PersonBlock.find(blocks, names);
    String name = person.map(PersonBlock::name).orElse(names.isEmpty() ? "" : names.get(0));
    Optional<String> profile =
        linksShown ? profileLink(content) : Optional.empty();
    return new Accepted(
        origin,
        new Person(
            name,
            person.flatMap(PersonBlock::headline),
            person.flatMap(PersonBlock::location),
            profile));
  }

  static Optional<String> profileLink(Content content) {
    for (Line line : content.lines()) {
      if (line.link().isPresent() && line.link().get().role() == Wording.LinkRole.PROFILE) {
        return Optional.of(LinkCleaner.clean(line.link().get().url()));
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ finding the original

  private static Optional<MimeMail> attachedNotification(MimeMail mail) {
    for (MimeMail attached : mail.attachedMessages()) {
      Original o = original(attached);
      if (looksLinkedIn(o)) {
        return Optional.of(attached);
      }
    }
    return Optional.empty();
  }

  private static Original original(MimeMail mail) {
    return original(mail, bodyLines(mail));
  }

  private static Original original(MimeMail mail, List<String> lines) {
    List<Line> parsed = withHtmlLinks(mail, Line.parse(lines));
    return new Original(
        mail.header("From").map(Mailbox::parse),
        mail.header("To").map(Mailbox::parse),
        mail.header("Subject").orElse("").strip(),
        mail.header("Message-ID").map(String::strip),
        mail.header("Date").flatMap(NotificationRecognizer::date),
        parsed);
  }

  /**
   * Some templates put their links only in the HTML part: when the text has none, the HTML's
   * labelled links are added after it, so accept and profile links are still found.
   */
  private static List<Line> withHtmlLinks(MimeMail mail, List<Line> lines) {
    boolean textHasLinks = lines.stream().anyMatch(Line::isLink);
    if (textHasLinks || mail.html().isEmpty() || mail.plainText().map(String::isBlank).orElse(true)) {
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
        Line.parse(f.body()));
  }

  /** The body as lines: the text/plain part, or the HTML part made text. */
  static List<String> bodyLines(MimeMail mail) {
    if (mail.plainText().isPresent() && !mail.plainText().get().isBlank()) {
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

}
