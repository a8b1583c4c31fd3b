package io.doorman.policies.learning;

import io.doorman.policies.rules.Facts;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** What a headline says someone does, in a few roles that matter for screening. */
final class Roles {

  /** Roles, first match wins, each with word starts (folded) in the eight languages. */
  private static final String[][] ROLES = {
    {"lion", "lion", "networker", "toplinked"},
    {"recruiter", "recruit", "talent", "headhunt", "sourcer", "sourcing", "personalberat",
        "personalvermitt", "recruteu", "reclutador", "recrutador", "selezion", "werving",
        "rekrut", "staffing"},
    {"sales", "sales", "account", "sdr", "bdr", "vertrieb", "commercial", "comercial", "ventas",
        "vendas", "vendite", "verkoop", "penjualan", "business"},
    {"founder", "founder", "cofounder", "ceo", "owner", "grunder", "fondat", "fundador",
        "geschaftsfuhr", "inhaber", "entrepreneur", "unternehmer"},
    {"student", "student", "estudiant", "etudiant", "estudante", "studente", "mahasiswa",
        "werkstudent", "intern", "praktikant", "stagiaire", "doktorand", "phd"},
    {"engineer", "engineer", "developer", "entwickler", "ingenieu", "ingeniero", "engenheir",
        "ingegner", "sviluppat", "ontwikkelaar", "pengembang", "programm", "sre", "devops",
        "architect", "scientist"},
    {"manager", "manager", "head", "director", "lead", "leiter", "directeur", "director",
        "gerente", "responsabile", "vp", "cto", "cio"},
    {"consultant", "consult", "berater", "advisor", "adviser", "coach", "freelanc"},
  };

  /** Each headline word's role (its index in ROLES, or -1), remembered: headlines repeat. */
  private static final ConcurrentHashMap<String, Integer> BY_WORD = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 100_000;

  private Roles() {}

  static String of(List<Facts.Term> words) {
    if (words.isEmpty()) {
      return "none";
    }
    int best = ROLES.length;
    for (Facts.Term w : words) {
      int r = roleOf(w.term());
      if (r >= 0 && r < best) {
        best = r;
      }
    }
    return best < ROLES.length ? ROLES[best][0] : "other";
  }

  private static int roleOf(String word) {
    Integer cached = BY_WORD.get(word);
    if (cached != null) {
      return cached;
    }
    int found = -1;
    for (int r = 0; r < ROLES.length && found < 0; r++) {
      for (int i = 1; i < ROLES[r].length; i++) {
        if (word.startsWith(ROLES[r][i])) {
          found = r;
          break;
        }
      }
    }
    if (BY_WORD.size() < MAX_CACHED) {
      BY_WORD.put(word, found);
    }
    return found;
  }
}
