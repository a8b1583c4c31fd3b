package io.doorman.ingest.linkedin;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn's own words, in the languages it sends mail in (English, German, French, Spanish,
 * Portuguese, Italian, Dutch, Indonesian) and across its template generations: greetings, headings,
 * default invitation texts, link labels, mutual-connection phrases and footers.
 *
 * <p>This is the last resort, not the first: what kind an email is, where its person block stands
 * and which links do what are read from its structure (headers, link paths, tracking parameters,
 * positions). Wording is needed only for LinkedIn's text that must be taken out of a note, and for
 * mail whose structure was lost on the way (a paste without links).
 */
final class TemplateText {

  /** A run of white space. */
  static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private TemplateText() {}

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  // ------------------------------------------------------------------ default texts

  /** LinkedIn's prefilled invitation texts: when a note says only this, there is no note. */
  private static final List<String> DEFAULT_TEXTS =
      List.of(
          "I'd like to add you to my professional network on LinkedIn.",
          "I'd like to add you to my professional network.",
          "I'd like to join your LinkedIn network.",
          "I want to connect with you on LinkedIn.",
          "I'd like to connect with you on LinkedIn.",
          "I would like to connect with you on LinkedIn.",
          "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
          "Ich möchte Sie zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
          "Ich möchte mich gerne mit Ihnen auf LinkedIn vernetzen.",
          "Ich möchte mich mit Ihnen auf LinkedIn vernetzen.",
          "Gerne möchte ich Sie zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
          "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.",
          "Je souhaite vous ajouter à mon réseau professionnel sur LinkedIn.",
          "J'aimerais vous ajouter à mon réseau professionnel sur LinkedIn.",
          "Je voudrais vous ajouter à mon réseau professionnel sur LinkedIn.",
          "Me gustaría añadirte a mi red profesional en LinkedIn.",
          "Me gustaría añadirte a mi red profesional de LinkedIn.",
          "Me gustaría agregarte a mi red profesional de LinkedIn.",
          "Me gustaría agregarte a mi red profesional en LinkedIn.",
          "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
          "Gostaria de adicioná-la à minha rede profissional no LinkedIn.",
          "Gostaria de adicioná-lo(a) à minha rede profissional no LinkedIn.",
          "Gostaria de adicionar você à minha rede profissional no LinkedIn.",
          "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
          "Mi piacerebbe aggiungerti alla mia rete professionale su LinkedIn.",
          "Vorrei aggiungerti alla mia rete professionale di LinkedIn.",
          "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
          "Graag wil ik u toevoegen aan mijn professionele netwerk op LinkedIn.",
          "Ik wil u graag toevoegen aan mijn professionele netwerk op LinkedIn.",
          "Saya ingin menambahkan Anda ke jaringan profesional saya di LinkedIn.",
          "Saya ingin mengundang Anda untuk bergabung dengan jaringan profesional saya di LinkedIn.");

  private static final List<String> DEFAULT_KEYS =
      DEFAULT_TEXTS.stream().map(TemplateText::comparable).toList();

  /** Whether a note is only LinkedIn's default invitation text, in any language. */
  static boolean isDefaultText(String note) {
    return DEFAULT_KEYS.contains(comparable(note));
  }

  /** Lower case, straight quotes, one space, no trailing full stop: for comparing texts. */
  static String comparable(String s) {
    String t = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(t.length());
    boolean space = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!space) {
          out.append(' ');
          space = true;
        }
        continue;
      }
      space = false;
      out.append(c == '\u2019' || c == '\u2018' ? '\'' : Character.toLowerCase(c));
    }
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '.' || out.charAt(end - 1) == '!')) {
      end--;
    }
    return out.substring(0, end);
  }

  // ------------------------------------------------------------------ greetings

  private static final String GREETING_WORDS =
      "hi|hello|hey|dear|hallo|guten tag|liebe|lieber|sehr geehrte[rs]?|bonjour|salut|cher|chère"
          + "|hola|estimad[oa]|olá|ola|oi|prezad[oa]|caro|cara|ciao|salve|gentile|buongiorno|hoi"
          + "|beste|dag|hai|halo";

  private static final Pattern GREETING =
      p("^(?:" + GREETING_WORDS + ")[ ,]+(?<name>[^,:;!?.]{1,40}?)\\s*[,:!]?$");
  private static final Pattern BARE_GREETING = p("^(?<name>[\\p{L}][\\p{L} .'-]{0,30}),$");

  /** The name in a greeting line such as "Hi Paul," or "Hola, Paul:" or a bare "Paul,". */
  static Optional<String> greetingName(String line, boolean allowBare) {
    String s = line.strip();
    if (s.length() > 60) {
      return Optional.empty();
    }
    Matcher m = GREETING.matcher(s);
    if (m.matches()) {
      return Optional.of(m.group("name").strip());
    }
    if (allowBare) {
      Matcher b = BARE_GREETING.matcher(s);
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
          k("^(?<name>.{1,80}?) wants to connect(?: with you)?(?: on LinkedIn)?\\.?$"),
          k("^(?<name>.{1,80}?) would like to connect(?: with you)? on LinkedIn\\.?(?: How would you like to respond\\?)?$"),
          k("^(?<name>.{1,80}?) wants to stay in touch(?: on LinkedIn)?\\.?$"),
          k("^How would you like to respond\\?$"),
          k("^I want to connect(?: with you)?\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) has invited you to connect\\.?$"),
          k("^(?<name>.{1,80}?) is waiting for your response\\.?$"),
          k("^(?<name>.{1,80}?)'s invitation is awaiting your response\\.?$"),
          k("^You have \\d+ (?:new |pending )*invitations?\\.?$"),
          k("^(?<first>.{1,40}?) (?:sent you a (?:new )?message|just messaged you)\\.?$"),
          k("^(?:You have a )?new message from (?<name>.{1,80}?)\\.?$"),
          k("^Invitation to connect(?: on LinkedIn)?\\.?$"),
          k("^Reminder: .{1,120}$"),
          k("^This is a reminder that .{1,300}$"),
          k("^(?<name>.{1,80}?) möchte sich (?:gerne )?mit Ihnen (?:auf LinkedIn )?vernetzen\\.?$"),
          k("^Ich möchte mich mit Ihnen vernetzen\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) hat Sie eingeladen, sich zu vernetzen\\.?$"),
          k("^(?<name>.{1,80}?) wartet auf Ihre Antwort\\.?$"),
          k("^Sie haben \\d+ (?:neue |ausstehende )*Einladungen?\\.?$"),
          k("^(?<first>.{1,40}?) hat Ihnen eine (?:neue )?Nachricht gesendet\\.?$"),
          k("^Neue Nachricht von (?<name>.{1,80}?)\\.?$"),
          k("^Einladung zum Vernetzen(?: auf LinkedIn)?\\.?$"),
          k("^Erinnerung: .{1,120}$"),
          k("^(?<name>.{1,80}?) souhaite (?:se connecter|rejoindre votre réseau)(?: avec vous)?(?: sur LinkedIn)?\\.?$"),
          k("^Je souhaite me connecter avec vous\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) vous invite à vous connecter\\.?$"),
          k("^(?<name>.{1,80}?) attend votre réponse\\.?$"),
          k("^Vous avez \\d+ invitations? en attente\\.?$"),
          k("^(?<first>.{1,40}?) vous a envoyé un (?:nouveau )?message\\.?$"),
          k("^Nouveau message de (?<name>.{1,80}?)\\.?$"),
          k("^Invitation à se connecter(?: sur LinkedIn)?\\.?$"),
          k("^Rappel ?: .{1,120}$"),
          k("^(?<name>.{1,80}?) quiere conectar contigo(?: en LinkedIn)?\\.?$"),
          k("^Quiero conectar contigo\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) te ha invitado a conectar\\.?$"),
          k("^(?<name>.{1,80}?) está esperando tu respuesta\\.?$"),
          k("^Tienes \\d+ invitaciones? pendientes?\\.?$"),
          k("^(?<first>.{1,40}?) te ha enviado un (?:mensaje nuevo|nuevo mensaje|mensaje)\\.?$"),
          k("^Nuevo mensaje de (?<name>.{1,80}?)\\.?$"),
          k("^Invitación para conectar(?: en LinkedIn)?\\.?$"),
          k("^Recordatorio: .{1,120}$"),
          k("^(?<name>.{1,80}?) quer se conectar(?: com você)?(?: no LinkedIn)?\\.?$"),
          k("^Quero me conectar com você\\.?$"),
          k("^(?<name>.{1,80}?) está aguardando (?:a )?sua resposta\\.?$"),
          k("^Você tem \\d+ convites? pendentes?\\.?$"),
          k("^(?<first>.{1,40}?) (?:te )?enviou uma (?:nova )?mensagem(?: para você)?\\.?$"),
          k("^Nova mensagem de (?<name>.{1,80}?)\\.?$"),
          k("^Convite para se conectar(?: no LinkedIn)?\\.?$"),
          k("^Lembrete: .{1,120}$"),
          k("^(?<name>.{1,80}?) vuole collegarsi con te(?: su LinkedIn)?\\.?$"),
          k("^Vorrei collegarmi con te\\.?$"),
          k("^(?<name>.{1,80}?) è in attesa (?:di una tua|della tua) risposta\\.?$"),
          k("^Hai \\d+ inviti in sospeso\\.?$"),
          k("^(?<first>.{1,40}?) ti ha inviato un (?:nuovo )?messaggio\\.?$"),
          k("^Nuovo messaggio da (?<name>.{1,80}?)\\.?$"),
          k("^Invito a collegarsi(?: su LinkedIn)?\\.?$"),
          k("^Promemoria: .{1,120}$"),
          k("^(?<name>.{1,80}?) wil (?:met je|met u|graag met je) (?:connecten|verbinden|linken)(?: op LinkedIn)?\\.?$"),
          k("^Ik wil (?:met je|met u) (?:connecten|verbinden)\\.?$"),
          k("^(?<name>.{1,80}?) wacht op (?:je|uw) antwoord\\.?$"),
          k("^(?:Je hebt|U hebt|U heeft) \\d+ openstaande uitnodigingen?\\.?$"),
          k("^(?<first>.{1,40}?) heeft (?:je|u) een (?:nieuw )?bericht gestuurd\\.?$"),
          k("^Nieuw bericht van (?<name>.{1,80}?)\\.?$"),
          k("^Uitnodiging om te connecten(?: op LinkedIn)?\\.?$"),
          k("^Herinnering: .{1,120}$"),
          k("^(?<name>.{1,80}?) ingin terhubung(?: dengan Anda)?(?: di LinkedIn)?\\.?$"),
          k("^Saya ingin terhubung dengan Anda\\.?$"),
          k("^(?<name>.{1,80}?) menunggu (?:tanggapan|balasan) Anda\\.?$"),
          k("^Anda memiliki \\d+ undangan (?:tertunda|yang belum ditanggapi)\\.?$"),
          k("^(?<first>.{1,40}?) mengirimi Anda pesan(?: baru)?\\.?$"),
          k("^Pesan baru dari (?<name>.{1,80}?)\\.?$"),
          k("^Undangan untuk terhubung(?: di LinkedIn)?\\.?$"),
          k("^Pengingat: .{1,120}$"),
          k("^(?<name>.{1,80}?) (?:has )?accepted your invitation\\b.*$"),
          k("^(?<name>.{1,80}?) hat Ihre Einladung angenommen\\b.*$"),
          k("^(?<name>.{1,80}?) a accepté votre invitation\\b.*$"),
          k("^(?<name>.{1,80}?) ha aceptado tu invitación\\b.*$"),
          k("^(?<name>.{1,80}?) aceitou (?:o )?seu convite\\b.*$"),
          k("^(?<name>.{1,80}?) ha accettato il tuo invito\\b.*$"),
          k("^(?<name>.{1,80}?) heeft (?:je|uw) uitnodiging geaccepteerd\\b.*$"),
          k("^(?<name>.{1,80}?) menerima undangan Anda\\b.*$"),
          k("^LinkedIn$"));

  private static final Anchored ANCHORED_HEADINGS = new Anchored(HEADINGS);

  /** Above this length only "This is a reminder that …" can be a heading. */
  private static final int MAX_NAMED_HEADING = 160;

  static boolean isHeading(String line) {
    String l = line.strip();
    if (l.length() > MAX_NAMED_HEADING && !l.regionMatches(true, 0, "This is a reminder", 0, 18)) {
      return false;
    }
    return l.length() <= MAX_HEADING && ANCHORED_HEADINGS.match(l).isPresent();
  }

  /** LinkedIn's headings are short; a longer line is content (a reminder sentence is the longest). */
  private static final int MAX_HEADING = 320;

  /** A full name named by a heading or subject ("Jane Doe wants to connect"), if any. */
  static Optional<String> nameIn(String line) {
    String l = line.strip();
    if (l.length() > MAX_HEADING) {
      return Optional.empty();
    }
    Optional<Matcher> m = ANCHORED_NAMING.match(l);
    return m.map(x -> x.group("name").strip());
  }

  private static final List<Keyed> NAMING =
      List.of(
          k("^(?<name>.{1,80}?) wants to connect(?: with you)?(?: on LinkedIn)?\\.?$"),
          k("^(?<name>.{1,80}?) would like to connect(?: with you)? on LinkedIn\\b.*$"),
          k("^(?<name>.{1,80}?) wants to stay in touch\\b.*$"),
          k("^(?:Reminder: )?(?<name>.{1,80}?) is waiting for your response\\.?$"),
          k("^(?<name>.{1,80}?)'s invitation is awaiting your response\\.?$"),
          k("^(?:.{1,40}, )?(?<name>.{1,80}?) has invited you to connect\\.?$"),
          k("^New message from (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) (?:has )?accepted your invitation\\b.*$"),
          k("^(?<name>.{1,80}?) möchte sich (?:gerne )?mit Ihnen (?:auf LinkedIn )?vernetzen\\.?$"),
          k("^(?:Erinnerung: )?(?<name>.{1,80}?) wartet auf Ihre Antwort\\.?$"),
          k("^Neue Nachricht von (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) hat Ihre Einladung angenommen\\b.*$"),
          k("^(?<name>.{1,80}?) souhaite se connecter avec vous\\.?$"),
          k("^(?:Rappel ?: )?(?<name>.{1,80}?) attend votre réponse\\.?$"),
          k("^Nouveau message de (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) a accepté votre invitation\\b.*$"),
          k("^(?<name>.{1,80}?) quiere conectar contigo\\.?$"),
          k("^(?:Recordatorio: )?(?<name>.{1,80}?) está esperando tu respuesta\\.?$"),
          k("^Nuevo mensaje de (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) ha aceptado tu invitación\\b.*$"),
          k("^(?<name>.{1,80}?) quer se conectar\\b.*$"),
          k("^(?:Lembrete: )?(?<name>.{1,80}?) está aguardando (?:a )?sua resposta\\.?$"),
          k("^Nova mensagem de (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) aceitou (?:o )?seu convite\\b.*$"),
          k("^(?<name>.{1,80}?) vuole collegarsi con te\\b.*$"),
          k("^(?:Promemoria: )?(?<name>.{1,80}?) è in attesa\\b.*$"),
          k("^Nuovo messaggio da (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) ha accettato il tuo invito\\b.*$"),
          k("^(?<name>.{1,80}?) wil (?:met je|met u|graag met je) (?:connecten|verbinden|linken)\\b.*$"),
          k("^(?:Herinnering: )?(?<name>.{1,80}?) wacht op (?:je|uw) antwoord\\.?$"),
          k("^Nieuw bericht van (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) heeft (?:je|uw) uitnodiging geaccepteerd\\b.*$"),
          k("^(?<name>.{1,80}?) ingin terhubung\\b.*$"),
          k("^(?:Pengingat: )?(?<name>.{1,80}?) menunggu (?:tanggapan|balasan) Anda\\.?$"),
          k("^Pesan baru dari (?<name>.{1,80}?)$"),
          k("^(?<name>.{1,80}?) menerima undangan Anda\\b.*$"));

  private static final Anchored ANCHORED_NAMING = new Anchored(NAMING);

  private static final List<Keyed> REMINDER =
      List.of(
          k("is waiting for your response"),
          k("invitation is awaiting your response"),
          k("this is a reminder that"),
          k("wartet auf Ihre Antwort"),
          k("attend votre réponse"),
          k("está esperando tu respuesta"),
          k("está aguardando (?:a )?sua resposta"),
          k("è in attesa (?:di una tua|della tua) risposta"),
          k("wacht op (?:je|uw) antwoord"),
          k("menunggu (?:tanggapan|balasan) Anda"));

  private static final List<Keyed> DIGEST =
      List.of(
          k("you have \\d+ (?:new |pending )*invitations"),
          k("Sie haben \\d+ (?:neue |ausstehende )*Einladungen"),
          k("vous avez \\d+ invitations en attente"),
          k("tienes \\d+ invitaciones pendientes"),
          k("você tem \\d+ convites pendentes"),
          k("hai \\d+ inviti in sospeso"),
          k("(?:je hebt|u hebt|u heeft) \\d+ openstaande uitnodigingen"),
          k("anda memiliki \\d+ undangan"));

  private static final List<Keyed> INVITATION_SUBJECT =
      List.of(
          k("please add me to your LinkedIn network"),
          k("would like to connect on LinkedIn"),
          k("invitation is awaiting your response"),
          k("bitte nehmen Sie mich in Ihr LinkedIn.Netzwerk auf"),
          k("ajoutez-moi à votre réseau LinkedIn"),
          k("me gustaría añadirte a mi red de LinkedIn"),
          k("^Invitation to connect"),
          k("^Einladung zum Vernetzen"),
          k("^Invitation à se connecter"),
          k("^Invitación para conectar"),
          k("^Convite para se conectar"),
          k("^Invito a collegarsi"),
          k("^Uitnodiging om te connecten"),
          k("^Undangan untuk terhubung"),
          k("wants to connect"),
          k("^I want to connect"),
          k("möchte sich (?:gerne )?mit Ihnen (?:auf LinkedIn )?vernetzen"),
          k("^Ich möchte mich mit Ihnen vernetzen"),
          k("souhaite se connecter avec vous"),
          k("^Je souhaite me connecter avec vous"),
          k("quiere conectar contigo"),
          k("^Quiero conectar contigo"),
          k("quer se conectar"),
          k("^Quero me conectar"),
          k("vuole collegarsi con te"),
          k("^Vorrei collegarmi con te"),
          k("wil (?:met je|met u) (?:connecten|verbinden)"),
          k("^Ik wil (?:met je|met u) (?:connecten|verbinden)"),
          k("ingin terhubung"),
          k("^Saya ingin terhubung"));

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
          k("te ha enviado un (?:mensaje|nuevo mensaje)"),
          k("^Nova mensagem de "),
          k("enviou uma (?:nova )?mensagem"),
          k("^Nuovo messaggio da "),
          k("ti ha inviato un (?:nuovo )?messaggio"),
          k("^Nieuw bericht van "),
          k("heeft (?:je|u) een (?:nieuw )?bericht gestuurd"),
          k("^Pesan baru dari "),
          k("mengirimi Anda pesan"));

  private static final List<Keyed> ACCEPTED =
      List.of(
          k("(?:has )?accepted your invitation"),
          k("hat Ihre Einladung angenommen"),
          k("a accepté votre invitation"),
          k("ha aceptado tu invitación"),
          k("aceitou (?:o )?seu convite"),
          k("ha accettato il tuo invito"),
          k("heeft (?:je|uw) uitnodiging geaccepteerd"),
          k("menerima undangan Anda"));

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

  /** Labels that are fixed words, by their {@link #fold folded} text. */
  private static final Map<String, LinkRole> FIXED_LABELS = new HashMap<>();

  static {
    fixedLabels(
        LinkRole.ACCEPT, "accept", "annehmen", "accepter", "aceptar", "aceitar", "accetta",
        "accepteren", "terima", "accept invitation", "einladung annehmen", "accepter l'invitation",
        "aceptar invitación", "aceitar convite", "accetta l'invito", "uitnodiging accepteren",
        "terima undangan");
    fixedLabels(
        LinkRole.PROFILE, "view profile", "profil anzeigen", "voir le profil", "ver perfil",
        "ver o perfil", "visualizza profilo", "profiel bekijken", "lihat profil", "view profile here");
    fixedLabels(
        LinkRole.THREAD,
        "reply", "antworten", "répondre", "responder", "rispondi", "beantwoorden", "balas",
        "view message", "nachricht anzeigen", "voir le message", "ver mensaje", "ver mensagem",
        "visualizza messaggio", "bericht bekijken", "lihat pesan", "view conversation");
    fixedLabels(LinkRole.COMPOSE, "send a message", "send message");
    fixedLabels(
        LinkRole.OTHER,
        "see all invitations", "alle einladungen anzeigen", "voir toutes les invitations",
        "ver todas las invitaciones", "ver todos os convites", "visualizza tutti gli inviti",
        "alle uitnodigingen bekijken", "lihat semua undangan", "unsubscribe", "abbestellen",
        "hier abbestellen", "se désabonner", "darse de baja", "cancelar inscrição",
        "annulla iscrizione", "afmelden", "berhenti berlangganan", "unsubscribe here",
        "change frequency", "help", "hilfe", "aide", "ayuda", "ajuda", "guida", "aiuto", "hulp",
        "bantuan", "learn why we included this",
        "erfahren sie, warum wir dies hinzugefügt haben", "découvrez pourquoi nous l'avons inclus",
        "descubre por qué lo hemos incluido", "connect", "view job", "see all jobs", "ignore",
        "ignorieren", "ignorer", "ignorar", "ignora", "negeren", "abaikan",
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
          + "|ver el perfil de .{1,80}|ver o perfil de .{1,80}|visualizza il profilo di .{1,80}"
          + "|bekijk het profiel van .{1,80}|lihat profil .{1,80})$");
  private static final Pattern NAMED_ACCEPT_LABEL_SHAPE =
      p("^(?:accept (?:the )?invitation from .{1,80}|confirm (?:that )?you know .{1,80})$");
  private static final Pattern NAMED_MESSAGE_LABEL_SHAPE =
      p("^(?:message .{1,40}|nachricht an .{1,40}|envoyer un message à .{1,40}"
          + "|enviar mensaje a .{1,40}|enviar mensagem para .{1,40}|invia un messaggio a .{1,40}"
          + "|bericht aan .{1,40}|kirim pesan ke .{1,40})\\.?$");

  static boolean isLinkLabel(String label) {
    return role(label).isPresent();
  }

  /**
   * What a link with this label is for, when it is one of LinkedIn's labels (in any case; the
   * "other" labels may end with a full stop).
   */
  static Optional<LinkRole> role(String label) {
    String l = fold(label.strip());
    while (l.endsWith(":")) {
      l = l.substring(0, l.length() - 1).strip();
    }
    LinkRole fixed = FIXED_LABELS.get(l);
    if (fixed != null) {
      return Optional.of(fixed);
    } else if (NAMED_PROFILE_LABEL_SHAPE.matcher(l).matches()) {
      return Optional.of(LinkRole.PROFILE);
    } else if (NAMED_ACCEPT_LABEL_SHAPE.matcher(l).matches()) {
      return Optional.of(LinkRole.ACCEPT);
    } else if (NAMED_MESSAGE_LABEL_SHAPE.matcher(l).matches()) {
      return Optional.of(LinkRole.COMPOSE);
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

  /** The name in a label that names the member ("View Jane Doe's profile"). */
  private static final Pattern NAMED_PROFILE_LABEL =
      p("^(?:view (?<a>.{1,80})'s profile|profil von (?<b>.{1,80}) anzeigen"
          + "|voir le profil de (?<c>.{1,80})|ver el perfil de (?<d>.{1,80})"
          + "|ver o perfil de (?<e>.{1,80})|visualizza il profilo di (?<f>.{1,80})"
          + "|bekijk het profiel van (?<g>.{1,80})|confirm (?:that )?you know (?<h>.{1,80})"
          + "|accept (?:the )?invitation from (?<i>.{1,80}))$");

  static Optional<String> nameInProfileLabel(String label) {
    String l = label.strip();
    while (l.endsWith(":")) {
      l = l.substring(0, l.length() - 1).strip();
    }
    Matcher m = NAMED_PROFILE_LABEL.matcher(l);
    if (!m.matches()) {
      return Optional.empty();
    }
    for (String g : new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i"}) {
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
              + "|conexiones? en común|conexões em comum|conexão em comum|contatos? em comum"
              + "|collegamenti in comune|collegamento in comune|connessioni in comune"
              + "|gemeenschappelijke (?:connecties|connectie|contacten)|koneksi bersama)");
  /** A word each of {@link #MUTUAL_WORDS} contains, folded: most lines have none. */
  private static final List<String> MUTUAL_KEYWORDS =
      List.of(
          "mutual", "common", "shared", "gemeinsame", "commun", "común", "comum", "comune",
          "gemeenschappelijk", "bersama");

  private static boolean mayNameMutuals(String line) {
    String folded = fold(line);
    for (String word : MUTUAL_KEYWORDS) {
      if (folded.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static final String AND = "(?:and|und|et|y|e|en|dan)";
  private static final Pattern LEADING_COUNT = p("^(\\d{1,5})\\s+\\S");
  private static final Pattern AND_OTHERS =
      p("^(?<names>.+?)\\s+" + AND + "\\s+(?<n>\\d{1,5})\\s+"
          + "(?:other|others|weitere[rn]?|autres?|más|otros?|outras?|outros?|altri|altre|andere|anderen|lainnya)\\b");
  private static final Pattern NAMES_AND =
      p("^(?<a>[^,]+?)(?:, [^,]+?)*\\s+" + AND + "\\s+(?<b>[^\\d]+?)\\s+(?:are|sind|sont|son|são|sono|zijn|adalah)\\b");
  private static final Pattern ONE_NAME =
      p("^.+?\\s+(?:is a|ist ein|est une?|es un|é uma?|è una?|is een|adalah)\\b");

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
          "This email was intended for ", "This email was sent to ", "This message was sent to ",
          "Diese E-Mail ist für ", "Diese E-Mail war für ", "Diese E-Mail wurde an ",
          "Cet e-mail est destiné à ", "Cet e-mail était destiné à ", "Cet e-mail a été envoyé à ",
          "Ce message a été envoyé à ", "Este email se ha enviado a ", "Este email se envió a ",
          "Este mensaje se ha enviado a ", "Este correo electrónico se ha enviado a ",
          "Este correo se envió a ", "Este e-mail foi enviado para ", "Este email foi enviado para ",
          "Este e-mail é destinado a ", "Este e-mail era destinado a ", "Este e-mail foi destinado a ",
          "Questa email è stata inviata a ", "Questa email era destinata a ",
          "Questa email è destinata a ", "Questa e-mail è stata inviata a ",
          "Deze e-mail was bestemd voor ", "Deze e-mail is bestemd voor ",
          "Deze e-mail is verzonden naar ", "Email ini ditujukan untuk ", "Email ini dikirim ke ",
          "You are receiving ", "Sie erhalten ", "Vous recevez ", "Estás recibiendo ",
          "Você está recebendo ", "Stai ricevendo ", "Ricevi ", "U ontvangt ", "Je ontvangt ",
          "Anda menerima ", "You received an invitation to connect",
          "Sie haben eine Einladung zum Vernetzen erhalten", "Vous avez reçu une invitation",
          "Has recibido una invitación", "Você recebeu um convite", "Hai ricevuto un invito",
          "Je hebt een uitnodiging", "U hebt een uitnodiging", "Anda menerima undangan",
          "Learn why we included this", "Unsubscribe", "If you need assistance", "©",
          "See all invitations", "Alle Einladungen anzeigen", "Voir toutes les invitations",
          "Ver todas las invitaciones", "Ver todos os convites", "Visualizza tutti gli inviti",
          "Alle uitnodigingen bekijken", "Lihat semua undangan");

  private static final List<Keyed> INTENDED_FOR =
      List.of(
          k("^This (?:email|message) was (?:intended for|sent to) (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Diese E-Mail (?:ist|war) für (?<name>[^(]+?)\\s*(?:\\(.*)?bestimmt\\.?$"),
          k("^Diese E-Mail wurde an (?<name>[^(]+?)\\s*(?:\\(.*)?gesendet\\.?$"),
          k("^Cet e-mail (?:est|était) destiné à (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^(?:Cet e-mail|Ce message) a été envoyé à (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Este (?:email|mensaje|correo(?: electrónico)?) se (?:ha enviado|envió) a (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Este e-?mail (?:foi enviado para|é destinado a|era destinado a|foi destinado a) (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Questa e-?mail (?:è stata inviata a|era destinata a|è destinata a) (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Deze e-mail (?:was|is) (?:bestemd voor|verzonden naar) (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"),
          k("^Email ini (?:ditujukan untuk|dikirim ke) (?<name>[^(]+?)\\s*(?:\\(.*)?\\.?$"));

  /** The footer openings by their first character, folded: most lines' first one rules all out. */
  private static final Map<Character, List<String>> FOOTER_STARTS_BY_FIRST = new HashMap<>();

  static {
    for (String start : FOOTER_STARTS) {
      FOOTER_STARTS_BY_FIRST.computeIfAbsent(foldChar(start.charAt(0)), c -> new java.util.ArrayList<>()).add(start);
    }
  }

  private static char foldChar(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  static boolean isFooterStart(String line) {
    String l = line.strip();
    if (l.isEmpty()) {
      return false;
    }
    List<String> starts = FOOTER_STARTS_BY_FIRST.get(foldChar(l.charAt(0)));
    if (starts == null) {
      return false;
    }
    for (String start : starts) {
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

  /** LinkedIn's copyright line: "© 2025 LinkedIn Corporation, …", "© 2016 LinkedIn Ireland …". */
  static boolean isCopyright(String line) {
    String l = line.strip();
    return l.startsWith("©") || l.startsWith("&copy;") || l.regionMatches(true, 0, "(c) 20", 0, 6)
        || l.contains("LinkedIn Corporation") || l.contains("LinkedIn Ireland");
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
   * Patterns filed under the longest word of their keyword: a line is tried only against the
   * patterns whose word it holds (a heading list of 90 patterns costs a line a few lookups).
   */
  private static final class Anchored {
    private final Map<String, List<Keyed>> byWord = new HashMap<>();
    private final List<Keyed> always = new java.util.ArrayList<>();

    Anchored(List<Keyed> patterns) {
      for (Keyed k : patterns) {
        String word = longestWord(k.keyword());
        if (word.length() < 3) {
          always.add(k);
        } else {
          byWord.computeIfAbsent(word, w -> new java.util.ArrayList<>()).add(k);
        }
      }
    }

    Optional<Matcher> match(String s) {
      String lower = s.toLowerCase(Locale.ROOT);
      for (Keyed k : always) {
        if (lower.contains(k.keyword())) {
          Matcher m = k.pattern().matcher(s);
          if (m.matches()) {
            return Optional.of(m);
          }
        }
      }
      int i = 0;
      int n = lower.length();
      while (i < n) {
        while (i < n && !Character.isLetterOrDigit(lower.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < n && (Character.isLetterOrDigit(lower.charAt(i)) || lower.charAt(i) == '\'' || lower.charAt(i) == '-')) {
          i++;
        }
        if (i > start) {
          List<Keyed> candidates = byWord.get(lower.substring(start, i));
          if (candidates != null) {
            for (Keyed k : candidates) {
              if (lower.contains(k.keyword())) {
                Matcher m = k.pattern().matcher(s);
                if (m.matches()) {
                  return Optional.of(m);
                }
              }
            }
          }
        }
      }
      return Optional.empty();
    }

    private static String longestWord(String keyword) {
      String best = "";
      for (String w : keyword.split("[^\\p{L}\\p{N}'-]+")) {
        if (w.length() > best.length()) {
          best = w;
        }
      }
      return best;
    }
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
