package io.doorman.policies.bench;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * A few thousand varied invitations in four languages, mixed roughly as a real inbox is (a third
 * without a note), built from note fragments written for this benchmark.
 */
final class RealisticInvitations {

  private static final String[][] NOTES = {
    { // en
      "Hi {r}, great meeting you at the platform meetup last Thursday. I'm the one who asked about build caches. Would be glad to keep in touch.",
      "{r}, we worked together on the payments team back in 2019. I just moved to Lisbon and wanted to reconnect!",
      "Hi {r}, Sam Lee suggested I reach out about your work on data contracts. We went through the same migration last year.",
      "Hi {r}, we're both in the Denver Rust user group and I enjoyed your talk on error handling. We haven't met yet, but I'd like to follow your work.",
      "I came across your profile and would love to connect. Always looking to expand my network with like-minded professionals.",
      "Hi {r}, quick one: we help platform teams cut CI costs by 40%. Could we book a 15-minute call this week?",
      "Are you happy with your current payroll provider? We've helped 150+ companies automate invoice audits.",
      "I'm an open networker (LION) and accept all invitations. Let's grow our networks together!",
      "Hello dear, I am a surgeon on a peacekeeping mission and would like to know you better. Kindly write to me on WhatsApp +1 555 0100.",
      "Hi {r}, please confirm my invitation within 24 hours or it will expire. Sign in with your password on the next page.",
    },
    { // de
      "Hallo {r}, schön, dass wir uns letzte Woche beim Datenforum in Köln kennengelernt haben. Ich würde mich freuen, in Kontakt zu bleiben.",
      "Hallo {r}, Katrin Vogel hat mir empfohlen, mich bei Ihnen zu melden, es geht um Cloud-Migration.",
      "Hallo, wir sind beide in der Python-Usergroup Hamburg aktiv. Persönlich kennen wir uns noch nicht.",
      "Ich bin auf Ihr Profil gestoßen und würde mich freuen, Sie in meinem Netzwerk begrüßen zu dürfen.",
      "Wir helfen Logistikunternehmen, die Lagerkosten um 20 % zu senken. Hätten Sie nächste Woche 15 Minuten für ein kurzes Gespräch?",
      "Ich bin Open Networker (LION) und nehme jede Einladung an.",
    },
    { // fr
      "Bonjour {r}, nous nous sommes rencontrés jeudi dernier au meetup Data de Paris. Ravi de rester en contact !",
      "Bonjour {r}, c'est Julien Marchand qui m'a conseillé de prendre contact avec vous au sujet de la cybersécurité.",
      "Nous faisons toutes les deux partie du groupe Women in Data Paris et j'apprécie vos publications.",
      "Je souhaite élargir mon réseau professionnel et serais ravi de vous compter parmi mes relations.",
      "Nous aidons les DSI à réduire jusqu'à 30 % leurs coûts de licences. Seriez-vous disponible pour un échange de 20 minutes ?",
      "J'ai une proposition d'affaires confidentielle. Écrivez-moi sur WhatsApp.",
    },
    { // es
      "Hola, {r}: nos conocimos la semana pasada en el meetup de Python en Madrid. Me encantaría seguir en contacto.",
      "Hola {r}, Andrés Molina me sugirió que te escribiera sobre la migración a la nube.",
      "Los dos estamos en la comunidad Python Madrid y me gustan mucho tus publicaciones. Todavía no nos conocemos.",
      "Me gustaría ampliar mi red profesional y contar contigo.",
      "Ayudo a pymes a conseguir más clientes. ¿Tienes 15 minutos el jueves para una llamada?",
      "Acepto todas las solicitudes, ¡cuantos más contactos, mejor!",
    },
  };
  private static final String[][] HEADLINES = {
    {"Senior Software Engineer at Copperline Cloud", "Technical Recruiter at Brightforge",
      "Founder & CEO at Cachewise | Faster builds, lower bills", "LION | Open Networker | 30K+",
      "Data Scientist | Machine Learning | FinTech", "Account Executive at Ledgerline"},
    {"Softwareentwickler bei Havelsoft GmbH", "Vertriebsleiter bei Nordlicht Maschinenbau GmbH",
      "Open Networker | LION | Ich nehme jede Einladung an"},
    {"Ingénieur logiciel chez Ouestel", "Directeur commercial chez Optilicence",
      "Data Scientist chez Hexagone Assurances"},
    {"Ingeniero de software en Brisa Labs", "Director comercial en Leadia",
      "Diseñador UX en Azahar Studio"},
  };
  private static final String[] NAMES = {"Paul", "Marta", "Jonas", "Hélène", "Lucía"};

  private RealisticInvitations() {}

  static List<Invitation> make(int count, long seed) {
    Random rng = new Random(seed);
    List<Invitation> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int lang = pickLanguage(rng);
      String recipient = NAMES[rng.nextInt(NAMES.length)];
      String note = rng.nextInt(3) == 0 ? null
          : NOTES[lang][rng.nextInt(NOTES[lang].length)].replace("{r}", recipient);
      Authenticity authenticity = rng.nextInt(20) == 0 ? Authenticity.SPOOFED
          : rng.nextInt(10) == 0 ? Authenticity.UNVERIFIED : Authenticity.LINKEDIN;
      Origin origin = new Origin("bench#" + i, Optional.empty(), Optional.of(recipient),
          authenticity, Optional.empty(), Language.values()[lang]);
      Person sender = new Person("Sender " + i,
          Optional.of(HEADLINES[lang][rng.nextInt(HEADLINES[lang].length)]), Optional.empty(),
          Optional.of("https://www.linkedin.com/in/sender-" + i));
      OptionalInt mutual = rng.nextInt(4) == 0 ? OptionalInt.empty()
          : OptionalInt.of(rng.nextInt(60));
      out.add(new Invitation(origin, sender, mutual, Optional.ofNullable(note), Optional.empty(),
          Optional.empty(), false));
    }
    return out;
  }

  /** en 70 %, de 12 %, fr 10 %, es 8 %. */
  private static int pickLanguage(Random rng) {
    int r = rng.nextInt(100);
    return r < 70 ? 0 : r < 82 ? 1 : r < 92 ? 2 : 3;
  }
}
