package io.doorman.policies.learning;

import io.doorman.policies.rules.Facts;
import java.util.List;

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

  private Roles() {}

  static String of(List<Facts.Term> words) {
    if (words.isEmpty()) {
      return "none";
    }
    for (String[] role : ROLES) {
      for (Facts.Term w : words) {
        for (int i = 1; i < role.length; i++) {
          if (w.term().startsWith(role[i])) {
            return role[0];
          }
        }
      }
    }
    return "other";
  }
}
