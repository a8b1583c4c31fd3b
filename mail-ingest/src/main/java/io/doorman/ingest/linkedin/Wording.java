package io.doorman.ingest.linkedin;

import io.doorman.policies.Language;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn's own words in English, German, French and Spanish, across its template generations:
 * greetings, headings, default invitation texts, link labels, mutual-connection phrases and footers.
 * Everything language-specific about reading a notification is here, as data.
 */
final class Wording {

  private Wording() {}

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  // ------------------------------------------------------------------ default texts

  /** LinkedIn's prefilled invitation texts: when a note says only this, there is no note. */
  private static final List<String> DEFAULT_TEXTS =
      List.of(
          "I'd like to add you to my professional network on LinkedIn.",
          "I'd like to join your LinkedIn network.",
          "I want to connect with you on LinkedIn.",
          "I'd like to connect with you on LinkedIn.",
          "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
          "Ich möchte Sie zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
          "Ich möchte mich gerne mit Ihnen auf LinkedIn vernetzen.",
          "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.",
          "Je souhaite vous ajouter à mon réseau professionnel sur LinkedIn.",
          "Me gustaría añadirte a mi red profesional en LinkedIn.",
          "Me gustaría añadirte a mi red profesional de LinkedIn.");

  private static final List<String> DEFAULT_KEYS =
      DEFAULT_TEXTS.stream().map(Wording::comparable).toList();

  /** Whether a note is only LinkedIn's default invitation text, in any language. */
  static boolean isDefaultText(String note) {
    return DEFAULT_KEYS.contains(comparable(note));
  }

  /** Lower case, straight quotes, one space, no trailing full stop: for comparing texts. */
  static String comparable(String s) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    t = t.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00a0', ' ');
    t = t.replaceAll("\\s+", " ").strip();
    while (t.endsWith(".") || t.endsWith("!")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  // ------------------------------------------------------------------ greetings

  private static final String GREETING_WORDS =
      "hi|hello|hey|dear|hallo|guten tag|liebe|lieber|bonjour|salut|hola|estimad[oa]";

  private static final Pattern GREETING =
      p("^(?:" + GREETING_WORDS + ")[ ,]+(?<name>[^,:;!?.]{1,40}?)\\s*[,:!]?$");
  private static final Pattern BARE_GREETING = p("^(?<name>[\\p{L}][\\p{L} .'-]{0,30}),$");

  /** The name in a greeting line such as "Hi Paul," or "Hola, Paul:" or a bare "Paul,". */
  static Optional<String> greetingName(String line, boolean allowBare) {
    Matcher m = GREETING.matcher(line.strip());
    if (m.matches()) {
      return Optional.of(m.group("name").strip());
    }
    if (allowBare) {
      Matcher b = BARE_GREETING.matcher(line.strip());
      if (b.matches()) {
        return Optional.of(b.group("name").strip());
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ headings and subjects

  /** A line of LinkedIn's own that stands between the greeting and the content; never a note. */
  private static final List<Pattern> HEADINGS =
      List.of(
          p("^(?<name>.{1,80}?) wants to connect(?: with you)?\\.?$"),
          p("^I want to connect(?: with you)?\\.?$"),
          p("^(?:.{1,40}, )?(?<name>.{1,80}?) has invited you to connect\\.?$"),
          p("^(?<name>.{1,80}?) is waiting for your response\\.?$"),
          p("^You have \\d+ (?:new |pending )*invitations?\\.?$"),
          p("^(?<first>.{1,40}?) (?:sent you a (?:new )?message|just messaged you)\\.?$"),
          p("^(?:You have a )?new message from (?<name>.{1,80}?)\\.?$"),
          p("^Invitation to connect(?: on LinkedIn)?\\.?$"),
          p("^(?<name>.{1,80}?) möchte sich mit Ihnen vernetzen\\.?$"),
          p("^Ich möchte mich mit Ihnen vernetzen\\.?$"),
          p("^(?:.{1,40}, )?(?<name>.{1,80}?) hat Sie eingeladen, sich zu vernetzen\\.?$"),
          p("^(?<name>.{1,80}?) wartet auf Ihre Antwort\\.?$"),
          p("^Sie haben \\d+ (?:neue |ausstehende )*Einladungen?\\.?$"),
          p("^(?<first>.{1,40}?) hat Ihnen eine (?:neue )?Nachricht gesendet\\.?$"),
          p("^Neue Nachricht von (?<name>.{1,80}?)\\.?$"),
          p("^Einladung zum Vernetzen(?: auf LinkedIn)?\\.?$"),
          p("^(?<name>.{1,80}?) souhaite se connecter avec vous\\.?$"),
          p("^Je souhaite me connecter avec vous\\.?$"),
          p("^(?:.{1,40}, )?(?<name>.{1,80}?) vous invite à vous connecter\\.?$"),
          p("^(?<name>.{1,80}?) attend votre réponse\\.?$"),
          p("^Vous avez \\d+ invitations? en attente\\.?$"),
          p("^(?<first>.{1,40}?) vous a envoyé un (?:nouveau )?message\\.?$"),
          p("^Nouveau message de (?<name>.{1,80}?)\\.?$"),
          p("^Invitation à se connecter(?: sur LinkedIn)?\\.?$"),
          p("^(?<name>.{1,80}?) quiere conectar contigo\\.?$"),
          p("^Quiero conectar contigo\\.?$"),
          p("^(?:.{1,40}, )?(?<name>.{1,80}?) te ha invitado a conectar\\.?$"),
          p("^(?<name>.{1,80}?) está esperando tu respuesta\\.?$"),
          p("^Tienes \\d+ invitaciones? pendientes?\\.?$"),
          p("^(?<first>.{1,40}?) te ha enviado un (?:mensaje nuevo|nuevo mensaje|mensaje)\\.?$"),
          p("^Nuevo mensaje de (?<name>.{1,80}?)\\.?$"),
          p("^Invitación para conectar(?: en LinkedIn)?\\.?$"),
          p("^LinkedIn$"));

  static boolean isHeading(String line) {
    String l = line.strip();
    return l.length() <= MAX_HEADING && mayBeHeading(l) && matchAny(HEADINGS, l).isPresent();
  }

  /** Every heading holds one of these words; most lines hold none, and skip 30 patterns. */
  private static final List<String> HEADING_WORDS =
      List.of(
          "connect", "vernetzen", "conectar", "waiting", "wartet", "attend", "esperando",
          "invitation", "einladung", "invitaci", "message", "nachricht", "mensaje", "linkedin",
          "accept", "angenommen", "aceptado");

  private static boolean mayBeHeading(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    for (String word : HEADING_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** LinkedIn's headings are short; a longer line is content, and not worth 30 patterns. */
  private static final int MAX_HEADING = 140;

  /** A full name named by a heading or subject ("Jane Doe wants to connect"), if any. */
  static Optional<String> nameIn(String line) {
    String l = line.strip();
    if (l.length() > MAX_HEADING || !mayBeHeading(l)) {
      return Optional.empty();
    }
    Optional<Matcher> m = matchAny(NAMING, l);
    return m.map(x -> x.group("name").strip());
  }

  private static final List<Pattern> NAMING =
      List.of(
          p("^(?<name>.{1,80}?) wants to connect(?: with you)?\\.?$"),
          p("^(?:Reminder: )?(?<name>.{1,80}?) is waiting for your response\\.?$"),
          p("^(?:.{1,40}, )?(?<name>.{1,80}?) has invited you to connect\\.?$"),
          p("^New message from (?<name>.{1,80}?)$"),
          p("^(?<name>.{1,80}?) (?:has )?accepted your invitation\\.?$"),
          p("^(?<name>.{1,80}?) möchte sich mit Ihnen vernetzen\\.?$"),
          p("^(?:Erinnerung: )?(?<name>.{1,80}?) wartet auf Ihre Antwort\\.?$"),
          p("^Neue Nachricht von (?<name>.{1,80}?)$"),
          p("^(?<name>.{1,80}?) hat Ihre Einladung angenommen\\.?$"),
          p("^(?<name>.{1,80}?) souhaite se connecter avec vous\\.?$"),
          p("^(?:Rappel ?: )?(?<name>.{1,80}?) attend votre réponse\\.?$"),
          p("^Nouveau message de (?<name>.{1,80}?)$"),
          p("^(?<name>.{1,80}?) a accepté votre invitation\\.?$"),
          p("^(?<name>.{1,80}?) quiere conectar contigo\\.?$"),
          p("^(?:Recordatorio: )?(?<name>.{1,80}?) está esperando tu respuesta\\.?$"),
          p("^Nuevo mensaje de (?<name>.{1,80}?)$"),
          p("^(?<name>.{1,80}?) ha aceptado tu invitación\\.?$"));

  private static final List<Pattern> REMINDER =
      List.of(
          p("is waiting for your response"),
          p("wartet auf Ihre Antwort"),
          p("attend votre réponse"),
          p("está esperando tu respuesta"));

  private static final List<Pattern> DIGEST =
      List.of(
          p("you have \\d+ (?:new |pending )*invitations"),
          p("Sie haben \\d+ (?:neue |ausstehende )*Einladungen"),
          p("vous avez \\d+ invitations en attente"),
          p("tienes \\d+ invitaciones pendientes"));

  private static final List<Pattern> INVITATION_SUBJECT =
      List.of(
          p("please add me to your LinkedIn network"),
          p("bitte nehmen Sie mich in Ihr LinkedIn.Netzwerk auf"),
          p("ajoutez-moi à votre réseau LinkedIn"),
          p("me gustaría añadirte a mi red de LinkedIn"),
          p("^Invitation to connect"),
          p("^Einladung zum Vernetzen"),
          p("^Invitation à se connecter"),
          p("^Invitación para conectar"),
          p("wants to connect"),
          p("^I want to connect"),
          p("möchte sich mit Ihnen vernetzen"),
          p("^Ich möchte mich mit Ihnen vernetzen"),
          p("souhaite se connecter avec vous"),
          p("^Je souhaite me connecter avec vous"),
          p("quiere conectar contigo"),
          p("^Quiero conectar contigo"));

  private static final List<Pattern> MESSAGE =
      List.of(
          p("^New message from "),
          p("just messaged you"),
          p("sent you a (?:new )?message"),
          p("^Neue Nachricht von "),
          p("hat Ihnen eine (?:neue )?Nachricht gesendet"),
          p("^Nouveau message de "),
          p("vous a envoyé un (?:nouveau )?message"),
          p("^Nuevo mensaje de "),
          p("te ha enviado un (?:mensaje|nuevo mensaje)"));

  private static final List<Pattern> ACCEPTED =
      List.of(
          p("(?:has )?accepted your invitation"),
          p("hat Ihre Einladung angenommen"),
          p("a accepté votre invitation"),
          p("ha aceptado tu invitación"));

  static boolean isReminder(String text) {
    return findAny(REMINDER, text);
  }

  static boolean isDigest(String text) {
    return findAny(DIGEST, text);
  }

  static boolean isInvitationSubject(String subject) {
    return findAny(INVITATION_SUBJECT, subject) || isReminder(subject) || isDigest(subject);
  }

  static boolean isMessage(String text) {
    return findAny(MESSAGE, text);
  }

  static boolean isAccepted(String text) {
    return findAny(ACCEPTED, text);
  }

  // ------------------------------------------------------------------ link labels

  /** What a labelled link is for. */
  enum LinkRole {
    ACCEPT,
    PROFILE,
    THREAD,
    OTHER
  }

  private static final Pattern ACCEPT_LABEL = p("^(?:accept|annehmen|accepter|aceptar)$");
  private static final Pattern PROFILE_LABEL =
      p(
          "^(?:view profile|profil anzeigen|voir le profil|ver perfil|view .{1,80}'s profile"
              + "|profil von .{1,80} anzeigen|voir le profil de .{1,80}|ver el perfil de .{1,80})$");
  private static final Pattern THREAD_LABEL =
      p(
          "^(?:reply|antworten|répondre|responder|view message|nachricht anzeigen|voir le message"
              + "|ver mensaje|view conversation)$");
  private static final Pattern OTHER_LABEL =
      p(
          "^(?:see all invitations|alle einladungen anzeigen|voir toutes les invitations"
              + "|ver todas las invitaciones|message .{1,40}|nachricht an .{1,40}"
              + "|envoyer un message à .{1,40}|enviar mensaje a .{1,40}|unsubscribe|abbestellen"
              + "|hier abbestellen|se désabonner|darse de baja|help|hilfe|aide|ayuda"
              + "|learn why we included this|erfahren sie, warum wir dies hinzugefügt haben"
              + "|découvrez pourquoi nous l'avons inclus|descubre por qué lo hemos incluido"
              + "|connect|view job|see all jobs|ignore|ignorieren|ignorer|ignorar"
              + "|voir qui vous recherche)\\.?$");

  static boolean isLinkLabel(String label) {
    return role(label).isPresent();
  }

  static Optional<LinkRole> role(String label) {
    String l = label.strip();
    if (ACCEPT_LABEL.matcher(l).matches()) {
      return Optional.of(LinkRole.ACCEPT);
    } else if (PROFILE_LABEL.matcher(l).matches()) {
      return Optional.of(LinkRole.PROFILE);
    } else if (THREAD_LABEL.matcher(l).matches()) {
      return Optional.of(LinkRole.THREAD);
    } else if (OTHER_LABEL.matcher(l).matches()) {
      return Optional.of(LinkRole.OTHER);
    }
    return Optional.empty();
  }

  /** The name in an old-generation profile label ("View Jane Doe's profile"). */
  private static final Pattern NAMED_PROFILE_LABEL =
      p("^(?:view (?<a>.{1,80})'s profile|profil von (?<b>.{1,80}) anzeigen"
          + "|voir le profil de (?<c>.{1,80})|ver el perfil de (?<d>.{1,80}))$");

  static Optional<String> nameInProfileLabel(String label) {
    Matcher m = NAMED_PROFILE_LABEL.matcher(label.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    for (String g : new String[] {"a", "b", "c", "d"}) {
      if (m.group(g) != null) {
        return Optional.of(m.group(g).strip());
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ mutual connections

  private static final Pattern MUTUAL_WORDS =
      p(
          "(?:mutual connections?|connections? in common|shared connections?|in common"
              + "|gemeinsame[rn]? (?:Kontakte?|Verbindungen?)|relations? en commun|contactos? en común"
              + "|conexiones? en común)");
  private static final Pattern LEADING_COUNT = p("^(\\d{1,5})\\s+\\S");
  private static final Pattern AND_OTHERS =
      p("^(?<names>.+?)\\s+(?:and|und|et|y)\\s+(?<n>\\d{1,5})\\s+(?:other|others|weitere[rn]?|autres?|más|otros?)\\b");
  private static final Pattern NAMES_AND =
      p("^(?<a>[^,]+?)(?:, [^,]+?)*\\s+(?:and|und|et|y)\\s+(?<b>[^\\d]+?)\\s+(?:are|sind|sont|son)\\b");
  private static final Pattern ONE_NAME = p("^.+?\\s+(?:is a|ist ein|est une?|es un)\\b");

  /** The number of mutual connections a line states, if it is a mutual-connections line. */
  static OptionalInt mutualCount(String line) {
    String l = line.strip();
    if (l.length() > 120 || !MUTUAL_WORDS.matcher(l).find()) {
      return OptionalInt.empty();
    }
    Matcher others = AND_OTHERS.matcher(l);
    if (others.find()) {
      int named = others.group("names").split(",").length;
      return OptionalInt.of(Integer.parseInt(others.group("n")) + named);
    }
    Matcher lead = LEADING_COUNT.matcher(l);
    if (lead.find()) {
      return OptionalInt.of(Integer.parseInt(lead.group(1)));
    }
    Matcher names = NAMES_AND.matcher(l);
    if (names.find()) {
      return OptionalInt.of(names.group(0).split(",").length + 1);
    }
    if (ONE_NAME.matcher(l).find()) {
      return OptionalInt.of(1);
    }
    return OptionalInt.empty();
  }

  // ------------------------------------------------------------------ footers

  private static final Pattern FOOTER_START =
      p(
          "^(?:This email was intended for |Diese E-Mail ist für |Cet e-mail est destiné à "
              + "|Este email se ha enviado a |You are receiving |Sie erhalten |Vous recevez "
              + "|Estás recibiendo |You received an invitation to connect"
              + "|Sie haben eine Einladung zum Vernetzen erhalten|Vous avez reçu une invitation"
              + "|Has recibido una invitación|Learn why we included this|Unsubscribe"
              + "|If you need assistance|©|See all invitations|Alle Einladungen anzeigen"
              + "|Voir toutes les invitations|Ver todas las invitaciones)");

  private static final List<Pattern> INTENDED_FOR =
      List.of(
          p("^This email was intended for (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          p("^Diese E-Mail ist für (?<name>[^(]+?)\\s*(?:\\(.*)?bestimmt\\.?$"),
          p("^Cet e-mail est destiné à (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          p("^Este email se ha enviado a (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"));

  static boolean isFooterStart(String line) {
    return FOOTER_START.matcher(line.strip()).lookingAt();
  }

  /** The recipient named in a footer ("This email was intended for Paul Okafor (…)"). */
  static Optional<String> intendedFor(String line) {
    String l = line.strip();
    if (!isFooterStart(l)) {
      return Optional.empty();
    }
    return matchAny(INTENDED_FOR, l).map(m -> m.group("name").strip());
  }

  // ------------------------------------------------------------------ language

  /** LinkedIn's fixed phrases per language, lower case, counted as plain substrings (fast). */
  private static final Map<Language, List<String>> LANGUAGE_MARKERS = new EnumMap<>(Language.class);

  static {
    LANGUAGE_MARKERS.put(
        Language.EN,
        List.of(
            "hi ", "wants to connect", "mutual connection", "view profile", "accept:",
            "you are receiving", "intended for", "is waiting for your response",
            "pending invitations", "new message", "accepted your invitation", "unsubscribe",
            "help:"));
    LANGUAGE_MARKERS.put(
        Language.DE,
        List.of(
            "hallo ", "vernetzen", "gemeinsame", "profil anzeigen", "annehmen", "sie erhalten",
            "bestimmt", "wartet auf ihre antwort", "ausstehende einladungen", "nachricht",
            "einladung angenommen", "abbestellen", "hilfe"));
    LANGUAGE_MARKERS.put(
        Language.FR,
        List.of(
            "bonjour", "se connecter", "en commun", "voir le profil", "accepter", "vous recevez",
            "destiné", "attend votre réponse", "invitations en attente", "vous a envoyé",
            "accepté votre invitation", "se désabonner", "aide"));
    LANGUAGE_MARKERS.put(
        Language.ES,
        List.of(
            "hola", "conectar contigo", "en común", "ver perfil", "aceptar", "estás recibiendo",
            "se ha enviado", "está esperando tu respuesta", "invitaciones pendientes",
            "te ha enviado", "aceptado tu invitación", "darse de baja", "ayuda"));
  }

  /** The language of LinkedIn's template, by counting its fixed phrases; English when unsure. */
  static Language languageOf(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Language best = Language.EN;
    int bestCount = 0;
    for (Map.Entry<Language, List<String>> e : LANGUAGE_MARKERS.entrySet()) {
      int count = 0;
      for (String phrase : e.getValue()) {
        for (int at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + phrase.length())) {
          count++;
        }
      }
      if (count > bestCount) {
        best = e.getKey();
        bestCount = count;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ helpers

  private static Optional<Matcher> matchAny(List<Pattern> patterns, String s) {
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(s);
      if (m.matches()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static boolean findAny(List<Pattern> patterns, String s) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(s).find()) {
        return true;
      }
    }
    return false;
  }
}
