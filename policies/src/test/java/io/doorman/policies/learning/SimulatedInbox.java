package io.doorman.policies.learning;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Invitations in the shared corpus generator's mix (gen.py's synthetic mbox: categories no-note
 * 30 %, generic-note 15, sales-pitch 14, personal 12, shared-interest 9, mutual-intro 7,
 * suspicious 7, lion 6; languages en 70, de 12, fr 10, es 8; a quarter without a mutual count,
 * the others 1 to 63), generated in Java from a seed so the build needs no Python. The notes are
 * written for this class, in the corpus's style; one invitation an hour.
 */
final class SimulatedInbox {

  static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  private static final String[] CATEGORIES = {"no-note", "generic-note", "sales-pitch",
      "personal", "shared-interest", "mutual-intro", "suspicious", "lion"};
  private static final int[] CATEGORY_WEIGHTS = {30, 15, 14, 12, 9, 7, 7, 6};
  private static final Language[] LANGUAGES = {Language.EN, Language.DE, Language.FR, Language.ES};
  private static final int[] LANGUAGE_WEIGHTS = {70, 12, 10, 8};
  private static final int[] MUTUALS = {1, 1, 2, 2, 3, 4, 5, 7, 9, 12, 18, 27, 41, 63};

  private static final String[][] TITLES = {
    {"Software Engineer", "Senior Software Engineer", "Engineering Manager", "Product Manager",
        "Data Scientist", "Site Reliability Engineer", "Technical Recruiter",
        "Talent Acquisition Partner", "Account Executive", "Business Development Manager",
        "Sales Director", "Marketing Manager", "Founder", "CTO", "Head of Data", "QA Lead",
        "UX Researcher", "Financial Analyst", "Recruitment Consultant", "Operations Manager"},
    {"Softwareentwickler", "Teamleiter IT", "Projektleiterin", "Vertriebsleiter", "Recruiterin",
        "Geschäftsführer", "Data Engineer", "IT-Berater"},
    {"Ingénieur logiciel", "Cheffe de projet", "Directeur commercial", "Chargée de recrutement",
        "Data Scientist", "Consultant SAP"},
    {"Ingeniero de software", "Jefa de proyecto", "Director comercial", "Reclutadora IT",
        "Científica de datos", "Consultor SAP"},
  };
  private static final String[] AT = {"at", "bei", "chez", "en"};
  private static final String[][] COMPANIES = {
    {"Copperline Cloud", "Fernway Health", "Saltmarsh Labs", "Peakline Robotics", "Tidewater Bank"},
    {"Nordlicht GmbH", "Elbtal Energie", "Havelsoft"},
    {"Ouestel", "Rhône Data", "Azur Mobilités"},
    {"Olivo Analytics", "Brisa Labs", "Faro Logística"},
  };
  private static final String[][][] NOTES = {
    { // en
      {"I came across your profile and would love to connect.",
          "Always happy to grow my network with professionals in {topic}.",
          "Hope you're well! Would be great to be connected."},
      {"We help {audience} cut {topic} costs by 30%. Could we book a 15-minute call next week?",
          "Are you happy with your current {topic} vendor? Happy to give you a free demo.",
          "I have pre-vetted engineers ready for your team. Can I send a few profiles?"},
      {"Great meeting you at the {topic} meetup last week, let's stay in touch!",
          "We worked together at {company} back in 2019, good to see you here.",
          "Thanks for the chat at the {topic} workshop yesterday."},
      {"We haven't met, but I enjoyed your talk on {topic}.",
          "We're both in the {topic} user group, would like to follow your work.",
          "Fellow alum here, I also studied at Lakeshore University."},
      {"{mutual} suggested I reach out to you about {topic}.",
          "{mutual} thought we should connect since we both work on {topic}."},
      {"Hello dear, I would like to know you better. Write to me on WhatsApp.",
          "Our crypto signals return 10% a week. Join my Telegram to start earning."},
      {"I'm an open networker (LION) and accept all invitations.",
          "Let's connect! I accept every request, the bigger our networks the better."},
    },
    { // de
      {"Ich würde mich freuen, Sie in meinem Netzwerk begrüßen zu dürfen.",
          "Gerne möchte ich mein Netzwerk erweitern."},
      {"Wir helfen {audience}, die Kosten um 20 % zu senken. Hätten Sie 15 Minuten für ein kurzes Gespräch?"},
      {"Wir haben uns letzte Woche beim {topic}-Meetup kennengelernt, lassen Sie uns in Kontakt bleiben."},
      {"Wir sind beide in der {topic}-Usergroup. Persönlich kennen wir uns noch nicht."},
      {"{mutual} hat mir empfohlen, mich bei Ihnen zu melden."},
      {"Ich habe ein vertrauliches Geschäftsangebot. Schreiben Sie mir auf WhatsApp."},
      {"Ich bin Open Networker (LION) und nehme jede Einladung an."},
    },
    { // fr
      {"Je souhaite élargir mon réseau professionnel, connectons-nous !"},
      {"Nous aidons les PME à réduire leurs coûts de 30 %. Seriez-vous disponible pour un échange de 20 minutes ?"},
      {"Nous nous sommes rencontrés au salon {topic} la semaine dernière. Ravi de garder contact !"},
      {"Nous faisons partie du même groupe {topic}. Nous ne nous connaissons pas encore."},
      {"{mutual} m'a conseillé de prendre contact avec vous."},
      {"Investissez en crypto et gagnez 10 % par semaine. Écrivez-moi sur Telegram."},
      {"J'accepte toutes les invitations, plus on est de fous, plus on rit !"},
    },
    { // es
      {"Me gustaría ampliar mi red profesional y contar contigo."},
      {"Ayudamos a pymes a conseguir más clientes. ¿Tienes 15 minutos el jueves para una llamada?"},
      {"Nos conocimos en el meetup de {topic} la semana pasada. ¡Un placer!"},
      {"Los dos estamos en la comunidad {topic}. Todavía no nos conocemos."},
      {"{mutual} me sugirió que te escribiera."},
      {"Gana dinero con criptomonedas desde casa. Escríbeme por WhatsApp."},
      {"Acepto todas las solicitudes, ¡cuantos más contactos, mejor!"},
    },
  };
  private static final String[] TOPICS = {"Kubernetes", "data platform", "logistics", "Rust",
      "payments", "security"};
  private static final String[] AUDIENCES = {"platform teams", "logistics companies", "startups"};
  private static final String[] PEOPLE = {"Dana Whitfield", "Sam Lee", "Priya Shah", "Tom Becker",
      "Lucía Gómez", "Jonas Weber"};

  /** One generated invitation with the category it was written as. */
  record Generated(Invitation invitation, String category, Instant at) {}

  private SimulatedInbox() {}

  static List<Generated> generate(int n, long seed) {
    Random rng = new Random(seed);
    List<Generated> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String category = CATEGORIES[pick(rng, CATEGORY_WEIGHTS)];
      int l = pick(rng, LANGUAGE_WEIGHTS);
      String title = TITLES[l][rng.nextInt(TITLES[l].length)];
      String company = COMPANIES[l][rng.nextInt(COMPANIES[l].length)];
      String headline = category.equals("lion") && rng.nextInt(10) < 8
          ? title + " | LION | " + (10 + rng.nextInt(30)) + "K+" : title + " " + AT[l] + " " + company;
      Integer mutual = rng.nextInt(4) == 0 ? null : MUTUALS[rng.nextInt(MUTUALS.length)];
      String note = null;
      Authenticity authenticity = Authenticity.LINKEDIN;
      if (category.equals("suspicious") && rng.nextBoolean()) {
        authenticity = Authenticity.SPOOFED;
      }
      if (!category.equals("no-note") && !(authenticity == Authenticity.SPOOFED
          && rng.nextBoolean())) {
        String[] choices = NOTES[l][noteIndex(category)];
        note = choices[rng.nextInt(choices.length)]
            .replace("{topic}", TOPICS[rng.nextInt(TOPICS.length)])
            .replace("{audience}", AUDIENCES[rng.nextInt(AUDIENCES.length)])
            .replace("{company}", company)
            .replace("{mutual}", PEOPLE[rng.nextInt(PEOPLE.length)]);
      }
      Instant at = START.plus(Duration.ofHours(i));
      Origin origin = new Origin("sim#" + i, Optional.empty(), Optional.of("paul@example.com"),
          authenticity, Optional.of(at), LANGUAGES[l]);
      Invitation invitation = new Invitation(origin,
          new Person("Sender " + i, Optional.of(headline), Optional.empty(), Optional.empty()),
          mutual == null ? OptionalInt.empty() : OptionalInt.of(mutual), Optional.ofNullable(note),
          Optional.empty(), Optional.of("sim-" + i), false);
      out.add(new Generated(invitation, category, at));
    }
    return out;
  }

  private static int noteIndex(String category) {
    switch (category) {
      case "generic-note": return 0;
      case "sales-pitch": return 1;
      case "personal": return 2;
      case "shared-interest": return 3;
      case "mutual-intro": return 4;
      case "suspicious": return 5;
      default: return 6;
    }
  }

  private static int pick(Random rng, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = rng.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
