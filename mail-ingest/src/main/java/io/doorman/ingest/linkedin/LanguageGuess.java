package io.doorman.ingest.linkedin;

import io.doorman.policies.Language;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The language of a text, told by its small words: each language's most frequent function words
 * (articles, pronouns, prepositions, auxiliaries), which any sentence of LinkedIn's template text
 * holds whatever its wording. A word that several of the languages share counts for none of them.
 */
final class LanguageGuess {

  private static final Map<Language, Set<String>> WORDS = new EnumMap<>(Language.class);

  static {
    WORDS.put(
        Language.EN,
        Set.of(
            "the", "you", "your", "to", "and", "of", "for", "this", "was", "is", "are", "with",
            "on", "has", "have", "we", "our", "why", "here", "view", "accept", "wants", "would",
            "like", "receiving", "intended", "invitation", "emails", "message", "sent", "new", "help",
            "connect", "profile", "reply", "mutual", "connections", "pending", "reminder", "from",
            "that", "please", "who", "which", "at", "be", "it", "if", "or", "can", "how"));
    WORDS.put(
        Language.DE,
        Set.of(
            "sie", "ihnen", "ihre", "ihr", "und", "der", "die", "das", "den", "dem", "ist", "für",
            "zu", "von", "mit", "auf", "eine", "ein", "einen", "wir", "warum", "hier", "möchte",
            "erhalten", "diese", "bestimmt", "hallo", "einladung", "einladungen", "nachricht",
            "anzeigen", "annehmen", "gemeinsame", "kontakte", "vernetzen", "hat", "haben", "wurde",
            "nicht", "sich", "auch", "noch", "bei", "aus", "oder", "wenn", "dies", "erfahren",
            "abbestellen", "hilfe", "antworten", "netzwerk", "beruflichen"));
    WORDS.put(
        Language.FR,
        Set.of(
            "vous", "votre", "vos", "le", "les", "des", "du", "et", "est", "pour", "une",
            "avec", "sur", "nous", "pourquoi", "ici", "souhaite", "recevez", "cet", "destiné",
            "bonjour", "invitation", "accepter", "voir", "profil", "relations", "commun", "réseau",
            "connecter", "envoyé", "nouveau", "aide", "désabonner", "répondre", "qui", "dans", "pas",
            "être", "été", "avez", "ce", "cette", "au", "aux", "ou", "découvrez", "l'avons",
            "inclus", "rejoindre", "professionnel"));
    WORDS.put(
        Language.ES,
        Set.of(
            "tus", "el", "los", "las", "del", "y", "es", "para", "una", "con", "qué", "aquí", "quiere", "estás", "recibiendo", "este", "esta", "enviado",
            "hola", "invitación", "aceptar", "ver", "perfil", "contactos", "común", "red",
            "conectar", "contigo", "mensaje", "nuevo", "ayuda", "baja", "darse", "responder",
            "hemos", "has", "lo", "al", "su", "sus", "esperando", "pendientes",
            "añadirte", "gustaría", "descubre", "incluido", "nuestros"));
    WORDS.put(
        Language.PT,
        Set.of(
            "você", "seu", "sua", "seus", "suas", "o", "os", "as", "do", "dos", "das", "e",
            "é", "para", "um", "uma", "com", "na", "em", "por", "aqui", "quer",
            "recebendo", "está", "foi", "olá", "convite", "convites", "aceitar", "perfil",
            "conexões", "comum", "rede", "conectar", "mensagem", "nova", "ajuda", "cancelar",
            "inscrição", "responder", "não", "ao", "aos", "gostaria", "adicioná", "minha",
            "profissional", "saiba", "aguardando", "pendentes", "enviou"));
    WORDS.put(
        Language.IT,
        Set.of(
            "ti", "tuo", "tua", "tuoi", "il", "lo", "gli", "le", "della", "delle", "dei", "degli",
            "e", "è", "per", "una", "con", "su", "di", "che", "qui", "vuole", "ricevendo", "stai",
            "questa", "questo", "inviata", "stata", "ciao", "invito", "inviti", "accetta",
            "visualizza", "profilo", "collegamenti", "comune", "rete", "collegarsi", "messaggio",
            "nuovo", "guida", "annulla", "iscrizione", "rispondi", "non", "al", "alla", "vorrei",
            "aggiungerti", "mia", "professionale", "scopri", "perché", "attesa", "sospeso"));
    WORDS.put(
        Language.NL,
        Set.of(
            "je", "jouw", "uw", "u", "het", "een", "van", "voor", "op", "is",
            "dit", "deze", "naar", "niet", "wij", "we", "waarom", "hier", "wil", "ontvangt",
            "was", "bestemd", "hallo", "uitnodiging", "uitnodigingen", "accepteren", "bekijken",
            "profiel", "gemeenschappelijke", "connecties", "netwerk", "connecten", "bericht",
            "nieuw", "afmelden", "beantwoorden", "heeft", "hebt", "graag", "toevoegen", "aan",
            "mijn", "professionele", "ontdek", "wacht", "antwoord", "openstaande", "verzonden"));
    WORDS.put(
        Language.ID,
        Set.of(
            "anda", "ini", "itu", "dan", "yang", "untuk", "dengan", "di", "ke", "dari", "kami",
            "mengapa", "sini", "ingin", "menerima", "ditujukan", "hai", "halo",
            "undangan", "terima", "lihat", "profil", "koneksi", "bersama", "jaringan",
            "terhubung", "pesan", "baru", "bantuan", "berhenti", "berlangganan", "balas", "tidak",
            "saya", "menambahkan", "profesional", "pelajari", "kapan", "menunggu", "tanggapan",
            "tertunda", "mengirimi", "dikirim", "adalah", "akan", "atau", "juga", "pada", "oleh"));
  }

  /** Each word that counts, with the one language it counts for. */
  private static final Map<String, Language> INDEX = new HashMap<>();

  static {
    Map<String, Integer> seen = new HashMap<>();
    for (Set<String> words : WORDS.values()) {
      for (String w : words) {
        seen.merge(w, 1, Integer::sum);
      }
    }
    for (Map.Entry<Language, Set<String>> e : WORDS.entrySet()) {
      for (String w : e.getValue()) {
        if (seen.get(w) == 1) {
          INDEX.put(w, e.getKey());
        }
      }
    }
  }

  private LanguageGuess() {}

  /** Small words are short: a longer word is never looked up. */
  private static final int MAX_WORD = 20;

  /** Once one language has this many words and twice any other's, the rest need not be read. */
  private static final int DECISIVE = 12;

  /** The language most of the text's small words belong to; empty when it has too few to tell. */
  static Optional<Language> of(CharSequence text) {
    int[] counts = new int[Language.values().length];
    int total = 0;
    char[] word = new char[MAX_WORD];
    int length = 0;
    for (int i = 0, n = text.length(); i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (Character.isLetter(c) || (c == '\'' && length > 0)) {
        if (length < MAX_WORD) {
          word[length] = Character.toLowerCase(c);
        }
        length++;
        continue;
      }
      if (length > 0 && length <= MAX_WORD) {
        Language l = INDEX.get(new String(word, 0, length));
        if (l != null) {
          counts[l.ordinal()]++;
          total++;
          if (counts[l.ordinal()] >= DECISIVE && decisive(counts, l.ordinal())) {
            return Optional.of(l);
          }
        }
      }
      length = 0;
    }
    return best(counts, total);
  }

  private static boolean decisive(int[] counts, int leader) {
    for (int i = 0; i < counts.length; i++) {
      if (i != leader && counts[i] * 2 > counts[leader]) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Language> best(int[] counts, int total) {
    if (total < 3) {
      return Optional.empty();
    }
    int best = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return Optional.of(Language.values()[best]);
  }
}
