package io.doorman.ingest.linkedin;

import io.doorman.policies.Language;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
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

  /** A run of white space. */
  static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
    t = WHITESPACE.matcher(t).replaceAll(" ").strip();
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
  private static final List<Keyed> HEADINGS =
      List.of(
          k("^(?<name>.{1,80}?) wants to connect(?: with you)?\\.?$"),
          k("^I want to connect(?: with you)?\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) has invited you to connect\\.?$"),
          k("^(?<name>.{1,80}?) is waiting for your response\\.?$"),
          k("^You have \\d+ (?:new |pending )*invitations?\\.?$"),
          k("^(?<first>.{1,40}?) (?:sent you a (?:new )?message|just messaged you)\\.?$"),
          k("^(?:You have a )?new message from (?<name>.{1,80}?)\\.?$"),
          k("^Invitation to connect(?: on LinkedIn)?\\.?$"),
          k("^(?<name>.{1,80}?) möchte sich mit Ihnen vernetzen\\.?$"),
          k("^Ich möchte mich mit Ihnen vernetzen\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) hat Sie eingeladen, sich zu vernetzen\\.?$"),
          k("^(?<name>.{1,80}?) wartet auf Ihre Antwort\\.?$"),
          k("^Sie haben \\d+ (?:neue |ausstehende )*Einladungen?\\.?$"),
          k("^(?<first>.{1,40}?) hat Ihnen eine (?:neue )?Nachricht gesendet\\.?$"),
          k("^Neue Nachricht von (?<name>.{1,80}?)\\.?$"),
          k("^Einladung zum Vernetzen(?: auf LinkedIn)?\\.?$"),
          k("^(?<name>.{1,80}?) souhaite se connecter avec vous\\.?$"),
          k("^Je souhaite me connecter avec vous\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) vous invite à vous connecter\\.?$"),
          k("^(?<name>.{1,80}?) attend votre réponse\\.?$"),
          k("^Vous avez \\d+ invitations? en attente\\.?$"),
          k("^(?<first>.{1,40}?) vous a envoyé un (?:nouveau )?message\\.?$"),
          k("^Nouveau message de (?<name>.{1,80}?)\\.?$"),
          k("^Invitation à se connecter(?: sur LinkedIn)?\\.?$"),
          k("^(?<name>.{1,80}?) quiere conectar contigo\\.?$"),
          k("^Quiero conectar contigo\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) te ha invitado a conectar\\.?$"),
          k("^(?<name>.{1,80}?) está esperando tu respuesta\\.?$"),
          k("^Tienes \\d+ invitaciones? pendientes?\\.?$"),
          k("^(?<first>.{1,40}?) te ha enviado un (?:mensaje nuevo|nuevo mensaje|mensaje)\\.?$"),
          k("^Nuevo mensaje de (?<name>.{1,80}?)\\.?$"),
          k("^Invitación para conectar(?: en LinkedIn)?\\.?$"),
          k("^LinkedIn$"));

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

  private static final List<Keyed> NAMING =
      List.of(
          k("^(?<name>.{1,80}?) wants to connect(?: with you)?\\.?$"),
          k("^(?:Reminder: )?(?<name>.{1,80}?) is waiting for your response\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) has invited you to connect\\.?$"),
          k("^New message from (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) (?:has )?accepted your invitation\\.?$"),
          k("^(?<name>.{1,80}?) möchte sich mit Ihnen vernetzen\\.?$"),
          k("^(?:Erinnerung: )?(?<name>.{1,80}?) wartet auf Ihre Antwort\\.?$"),
          k("^Neue Nachricht von (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) hat Ihre Einladung angenommen\\.?$"),
          k("^(?<name>.{1,80}?) souhaite se connecter avec vous\\.?$"),
          k("^(?:Rappel ?: )?(?<name>.{1,80}?) attend votre réponse\\.?$"),
          k("^Nouveau message de (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) a accepté votre invitation\\.?$"),
          k("^(?<name>.{1,80}?) quiere conectar contigo\\.?$"),
          k("^(?:Recordatorio: )?(?<name>.{1,80}?) está esperando tu respuesta\\.?$"),
          k("^Nuevo mensaje de (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) ha aceptado tu invitación\\.?$"));

  private static final List<Keyed> REMINDER =
      List.of(
          k("is waiting for your response"),
          k("wartet auf Ihre Antwort"),
          k("attend votre réponse"),
          k("está esperando tu respuesta"));

  private static final List<Keyed> DIGEST =
      List.of(
          k("you have \\d+ (?:new |pending )*invitations"),
          k("Sie haben \\d+ (?:neue |ausstehende )*Einladungen"),
          k("vous avez \\d+ invitations en attente"),
          k("tienes \\d+ invitaciones pendientes"));

  private static final List<Keyed> INVITATION_SUBJECT =
      List.of(
          k("please add me to your LinkedIn network"),
          k("bitte nehmen Sie mich in Ihr LinkedIn.Netzwerk auf"),
          k("ajoutez-moi à votre réseau LinkedIn"),
          k("me gustaría añadirte a mi red de LinkedIn"),
          k("^Invitation to connect"),
          k("^Einladung zum Vernetzen"),
          k("^Invitation à se connecter"),
          k("^Invitación para conectar"),
          k("wants to connect"),
          k("^I want to connect"),
          k("möchte sich mit Ihnen vernetzen"),
          k("^Ich möchte mich mit Ihnen vernetzen"),
          k("souhaite se connecter avec vous"),
          k("^Je souhaite me connecter avec vous"),
          k("quiere conectar contigo"),
          k("^Quiero conectar contigo"));

  private static final List<Keyed> MESSAGE =
      List.of(
          k("^New message from "),
          k("just messaged you"),
          k("sent you a (?:new )?message"),
          k("^Neue Nachricht von "),
          k("hat Ihnen eine (?:neue )?Nachricht gesendet"),
          k("^Nouveau message de "),
          k("vous a envoyé un (?:nouveau )?message"),
          k("^Nuevo mensaje de "),
          k("te ha enviado un (?:mensaje|nuevo mensaje)"));

  private static final List<Keyed> ACCEPTED =
      List.of(
          k("(?:has )?accepted your invitation"),
          k("hat Ihre Einladung angenommen"),
          k("a accepté votre invitation"),
          k("ha aceptado tu invitación"));

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

  /** Labels that are fixed words, by their {@link #fold folded} text. */
  private static final Map<String, LinkRole> FIXED_LABELS = new HashMap<>();

  static {
    fixedLabels(LinkRole.ACCEPT, "accept", "annehmen", "accepter", "aceptar");
    fixedLabels(LinkRole.PROFILE, "view profile", "profil anzeigen", "voir le profil", "ver perfil");
    fixedLabels(
        LinkRole.THREAD,
        "reply", "antworten", "répondre", "responder", "view message", "nachricht anzeigen",
        "voir le message", "ver mensaje", "view conversation");
    fixedLabels(
        LinkRole.OTHER,
        "see all invitations", "alle einladungen anzeigen", "voir toutes les invitations",
        "ver todas las invitaciones", "unsubscribe", "abbestellen", "hier abbestellen",
        "se désabonner", "darse de baja", "help", "hilfe", "aide", "ayuda",
        "learn why we included this", "erfahren sie, warum wir dies hinzugefügt haben",
        "découvrez pourquoi nous l'avons inclus", "descubre por qué lo hemos incluido", "connect",
        "view job", "see all jobs", "ignore", "ignorieren", "ignorer", "ignorar",
        "voir qui vous recherche");
  }

  /** Adds labels; an "other" label may also end with a full stop. */
  private static void fixedLabels(LinkRole role, String... labels) {
    for (String label : labels) {
      FIXED_LABELS.put(fold(label), role);
      if (role == LinkRole.OTHER) {
        FIXED_LABELS.put(fold(label) + ".", role);
      }
    }
  }

  /** Labels that name the member: "View Jane Doe's profile", "Message Jane". */
  private static final Pattern NAMED_PROFILE_LABEL_SHAPE =
      p("^(?:view .{1,80}'s profile|profil von .{1,80} anzeigen|voir le profil de .{1,80}"
          + "|ver el perfil de .{1,80})$");
  private static final Pattern NAMED_OTHER_LABEL_SHAPE =
      p("^(?:message .{1,40}|nachricht an .{1,40}|envoyer un message à .{1,40}"
          + "|enviar mensaje a .{1,40})\\.?$");

  static boolean isLinkLabel(String label) {
    return role(label).isPresent();
  }

  /**
   * What a link with this label is for, when it is one of LinkedIn's labels (in any case; the
   * "other" labels may end with a full stop).
   */
  static Optional<LinkRole> role(String label) {
    String l = fold(label.strip());
    LinkRole fixed = FIXED_LABELS.get(l);
    if (fixed != null) {
      return Optional.of(fixed);
    } else if (NAMED_PROFILE_LABEL_SHAPE.matcher(l).matches()) {
      return Optional.of(LinkRole.PROFILE);
    } else if (NAMED_OTHER_LABEL_SHAPE.matcher(l).matches()) {
      return Optional.of(LinkRole.OTHER);
    }
    return Optional.empty();
  }

  /**
   * Case folded as a case-insensitive pattern compares: each character upper-cased, then
   * lower-cased (so "İ" and "ſ" fold as "i" and "s", as they match there). Same length as {@code s}.
   */
  static String fold(String s) {
    char[] folded = new char[s.length()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
    }
    return new String(folded);
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
  /** A word each of {@link #MUTUAL_WORDS} contains, folded: most lines have none. */
  private static final List<String> MUTUAL_KEYWORDS =
      List.of("mutual", "common", "shared", "gemeinsame", "commun", "común");

  private static boolean mayNameMutuals(String line) {
    String folded = fold(line);
    for (String word : MUTUAL_KEYWORDS) {
      if (folded.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern LEADING_COUNT = p("^(\\d{1,5})\\s+\\S");
  private static final Pattern AND_OTHERS =
      p("^(?<names>.+?)\\s+(?:and|und|et|y)\\s+(?<n>\\d{1,5})\\s+(?:other|others|weitere[rn]?|autres?|más|otros?)\\b");
  private static final Pattern NAMES_AND =
      p("^(?<a>[^,]+?)(?:, [^,]+?)*\\s+(?:and|und|et|y)\\s+(?<b>[^\\d]+?)\\s+(?:are|sind|sont|son)\\b");
  private static final Pattern ONE_NAME = p("^.+?\\s+(?:is a|ist ein|est une?|es un)\\b");

  /** The number of mutual connections a line states, if it is a mutual-connections line. */
  static OptionalInt mutualCount(String line) {
    String l = line.strip();
    if (l.length() > 120 || !mayNameMutuals(l) || !MUTUAL_WORDS.matcher(l).find()) {
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

  /** How LinkedIn's footers begin, in any case. */
  private static final List<String> FOOTER_STARTS =
      List.of(
          "This email was intended for ", "Diese E-Mail ist für ", "Cet e-mail est destiné à ",
          "Este email se ha enviado a ", "You are receiving ", "Sie erhalten ", "Vous recevez ",
          "Estás recibiendo ", "You received an invitation to connect",
          "Sie haben eine Einladung zum Vernetzen erhalten", "Vous avez reçu une invitation",
          "Has recibido una invitación", "Learn why we included this", "Unsubscribe",
          "If you need assistance", "©", "See all invitations", "Alle Einladungen anzeigen",
          "Voir toutes les invitations", "Ver todas las invitaciones");

  private static final List<Keyed> INTENDED_FOR =
      List.of(
          k("^This email was intended for (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Diese E-Mail ist für (?<name>[^(]+?)\\s*(?:\\(.*)?bestimmt\\.?$"),
          k("^Cet e-mail est destiné à (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Este email se ha enviado a (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"));

  static boolean isFooterStart(String line) {
    String l = line.strip();
    for (String start : FOOTER_STARTS) {
      if (l.regionMatches(true, 0, start, 0, start.length())) {
        return true;
      }
    }
    return false;
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

  /**
   * A pattern with a fixed phrase it cannot match without: checking the phrase first (a plain
   * substring search in lower-cased text) skips most patterns on most lines.
   */
  private record Keyed(String keyword, Pattern pattern) {}

  private static Keyed k(String regex) {
    return new Keyed(keywordOf(regex), p(regex));
  }

  /**
   * The longest literal run outside any group of a regex (lower case), which every match must
   * contain; empty when there is a top-level alternative.
   */
  static String keywordOf(String regex) {
    String best = "";
    StringBuilder piece = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
      boolean meta = "()[]{}?*+.^$|\\".indexOf(c) >= 0;
      if (c == '|' && depth == 0) {
        return "";
      }
      if (meta || depth > 0 || next == '?' || next == '*' || next == '{') {
        if (piece.toString().strip().length() > best.length()) {
          best = piece.toString().strip();
        }
        piece.setLength(0);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (c == '\\') {
          i++;
        } else if (c == '[') {
          int close = regex.indexOf(']', i + 1);
          i = close < 0 ? regex.length() : close;
        }
        continue;
      }
      piece.append(c);
    }
    if (piece.toString().strip().length() > best.length()) {
      best = piece.toString().strip();
    }
    return best.toLowerCase(Locale.ROOT);
  }

  private static Optional<Matcher> matchAny(List<Keyed> patterns, String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (Keyed k : patterns) {
      if (!lower.contains(k.keyword())) {
        continue;
      }
      Matcher m = k.pattern().matcher(s);
      if (m.matches()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static boolean findAny(List<Keyed> patterns, String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (Keyed k : patterns) {
      if (lower.contains(k.keyword()) && k.pattern().matcher(s).find()) {
        return true;
      }
    }
    return false;
  }
}
