package io.doorman.policies.rules;

import io.doorman.policies.Language;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemmer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemmer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * The language a note is written in, which need not be that of LinkedIn's template (a German
 * recipient can get an English note), and how text in it is read: which words negate, and how
 * words are normalised.
 *
 * <p>Normalisation uses the stemmers and stop words of Lucene's analyzer for the language (the
 * same components {@code EnglishAnalyzer}, {@code GermanAnalyzer}, … chain): Porter for English,
 * the light stemmers for German, French, Spanish, Portuguese and Italian, Snowball for Dutch, and
 * Lucene's Indonesian stemmer. They run on words already folded by {@link FoldedText} (lower case,
 * no accents), one word at a time, without a token stream: a note's words are already split.
 */
public enum NoteLanguage {
  EN( EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, () -> snowball(new PorterStemmer()),
      "the and you your to i we with for is are at of my on it this that would like have be me our"
          + " was were about from love great hi hello thanks thank just connect meet met will can am"
          + " so if as an hope please also looking forward really happy nice dear no not any but or"
          + " what how who there here ve ll re",
      "not never nothing nobody none neither nor cannot",
      "no without",
      "nothing",
      "only just hesitate wait miss sure matter doubt worries worry problem problems pressure"
          + " obligation strings cost charge commitment risk long later less exception"),
  DE( GermanAnalyzer.getDefaultStopSet(), () -> light(new GermanLightStemmer()::stem),
      "und der die das ich sie wir mit fur ist nicht uns ihnen ihr ihre ihren auf bei den dem mich"
          + " gerne gern zu ein eine einen einem sich auch vielen dank danke hallo uber freue wurde"
          + " mochte gruss grusse haben hat habe war schon noch sehr du dich dir dein deine lass von"
          + " im aus es wie wenn als nach",
      "nicht nie niemals nichts weder",
      "kein keine keinen keinem keiner keines ohne",
      "nicht nie niemals nichts",
      "nur zogern scheuen problem sorge umsonst"),
  FR( FrenchAnalyzer.getDefaultStopSet(), () -> light(new FrenchLightStemmer()::stem),
      "le la les et vous nous je j des pour avec est une un du votre vos mon ma mes sur au aux pas"
          + " ne n suis bonjour merci tres serais serait ravi ravie notre nos qui que dans ce cette c"
          + " l d qu te tu ton ta tes salut avons sommes etes plaisir aussi chez",
      "ne n pas jamais rien ni",
      "aucun aucune sans",
      "pas jamais rien",
      "seulement hesitez hesite hesiter souci soucis probleme engagement frais obligation"),
  ES( SpanishAnalyzer.getDefaultStopSet(), () -> light(new SpanishLightStemmer()::stem),
      "el los las y que con para por tu te nos un una mi es del al muy gracias hola me mis tus su"
          + " sus como pero yo usted estoy soy somos estamos encantaria gustaria saludo lo esta este no"
          + " ya tambien hace cuando donde",
      "no nunca jamas nada ni tampoco",
      "ningun ninguna ninguno sin",
      "nada",
      "solo dudes dude dudar compromiso coste costo problema preocupes importa"),
  PT( PortugueseAnalyzer.getDefaultStopSet(),
      () -> light(new PortugueseLightStemmer()::stem),
      "o os as e que com para voce seu sua nos um uma meu minha do da dos das no na nas obrigado"
          + " obrigada muito ola oi sou estou somos gostaria adoraria conversa tambem nao em ao pela"
          + " pelo vamos sobre bom prazer abraco equipe empresa ainda",
      "nao nunca jamais nada nem",
      "nenhum nenhuma sem",
      "nada",
      "so hesite hesitar compromisso custo problema preocupe"),
  IT( ItalianAnalyzer.getDefaultStopSet(), () -> light(new ItalianLightStemmer()::stem),
      "il lo gli la le e che di con per sono ci un una mio mia tuo tua suo sua del della dei al"
          + " alla grazie molto ciao buongiorno piacere stato anch anche siamo abbiamo mi ti lei non"
          + " ma questo questa nel nella sul sulla presso insieme piacerebbe vorrei",
      "non mai niente nulla",
      "nessun nessuno nessuna senza",
      "niente nulla",
      "solo esitare esiti impegno costi problema preoccuparti"),
  NL( DutchAnalyzer.getDefaultStopSet(), () -> snowball(new DutchStemmer()),
      "de het een en ik je jij we wij met voor van op is zijn niet ook dat graag jou mijn bij hoi"
          + " hallo bedankt dank leuk elkaar hebben heb zou wil ons onze jouw uw naar over om te wat"
          + " maar nog groet groeten",
      "niet nooit niets noch",
      "geen zonder",
      "niet nooit niets",
      "alleen aarzel probleem verplichting kosten zorgen"),
  ID( IndonesianAnalyzer.getDefaultStopSet(),
      () -> word -> indonesian(word),
      "dan yang di ke dari saya anda kita kami untuk dengan ini itu tidak sudah belum juga terima"
          + " kasih halo hai senang bisa tentang pada akan ada atas sama sekali lagi mari tetap"
          + " pernah bertemu jaringan ingin dapat sebagai",
      "tidak tak belum bukan jangan nggak gak enggak",
      "tanpa",
      "",
      "hanya ragu biaya masalah sungkan");

  /** Words that end a negation's reach in any language: "we haven't met, but …". */
  static final Set<String> CONJUNCTIONS = words("but though although however aber jedoch sondern"
      + " doch mais cependant pourtant pero aunque embora tuttavia maar echter hoewel tapi tetapi"
      + " namun");

  /**
   * What each word is, in every language at once, as bits: per language (six bits from {@code
   * ordinal * 6}) a function word that tells the language, a negation, a short negation, a
   * backward negation, a word that undoes one, a stop word; then a conjunction that ends a
   * clause, and the English contraction stems ("haven", "don") and whole forms ("havent"). One
   * look-up per word instead of one per set.
   */
  static final int MARKER = 0;
  static final int NEGATOR = 1;
  static final int SHORT = 2;
  static final int BACK = 3;
  static final int RELEASE = 4;
  static final int STOP = 5;
  static final long CONJUNCTION = 1L << 48;
  static final long CONTRACTED = 1L << 49;
  static final long CONTRACTED_WHOLE = 1L << 50;

  /** The bits of a word (0 for a word in no list). */
  static long classes(String folded) {
    Long bits = CLASSES.get(folded);
    return bits == null ? 0 : bits;
  }

  /** Whether a word's bits say {@code what} ({@link #MARKER} … {@link #STOP}) for this language. */
  boolean is(long bits, int what) {
    return (bits & (1L << (ordinal() * 6 + what))) != 0;
  }

  /** A stemmer for folded words; instances are not shared between threads. */
  interface Stemmer {
    String stem(String folded);
  }

  private final Set<String> stopWords;
  private final Supplier<Stemmer> stemmers;
  private final Set<String> markers;
  private final Set<String> negators;
  private final Set<String> shortNegators;
  private final Set<String> postNegators;
  private final Set<String> releases;
  private final String code = name().toLowerCase(java.util.Locale.ROOT);

  NoteLanguage(CharArraySet stopWords, Supplier<Stemmer> stemmers,
      String markers, String negators, String shortNegators, String postNegators,
      String releases) {
    this.stopWords = foldedStopWords(stopWords);
    this.stemmers = stemmers;
    this.markers = words(markers);
    this.negators = words(negators);
    this.shortNegators = words(shortNegators);
    this.postNegators = words(postNegators);
    this.releases = words(releases);
    this.stopWords.removeAll(this.negators);
    this.stopWords.removeAll(this.shortNegators);
  }

  /** ISO 639-1 code: {@code en}, {@code de}, … */
  public String code() {
    return code;
  }

  /**
   * The language of a text, by the function words it uses (each word counts for every language
   * that has it, divided among them); {@code template} decides a tie, then this enum's order.
   */
  public static NoteLanguage of(FoldedText text, Language template) {
    long[] bits = new long[text.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = classes(text.word(i));
    }
    return of(bits, template);
  }

  /** The same, from each word's {@link #classes}. */
  static NoteLanguage of(long[] classes, Language template) {
    NoteLanguage[] all = values();
    double[] score = new double[all.length];
    for (long bits : classes) {
      int in = 0;
      for (NoteLanguage l : all) {
        in += l.is(bits, MARKER) ? 1 : 0;
      }
      if (in > 0) {
        for (NoteLanguage l : all) {
          if (l.is(bits, MARKER)) {
            score[l.ordinal()] += 1.0 / in;
          }
        }
      }
    }
    NoteLanguage best = null;
    String t = template.code();
    for (NoteLanguage l : all) {
      if (score[l.ordinal()] <= 0) {
        continue;
      }
      if (best == null || score[l.ordinal()] > score[best.ordinal()]
          || score[l.ordinal()] == score[best.ordinal()] && l.code.equals(t)
              && !best.code.equals(t)) {
        best = l;
      }
    }
    return best != null ? best : forTemplate(template);
  }

  /** The note language of LinkedIn's template language. */
  public static NoteLanguage forTemplate(Language template) {
    String t = template.code();
    for (NoteLanguage l : values()) {
      if (l.code.equals(t)) {
        return l;
      }
    }
    return EN;
  }

  /** Lucene's stop word for this language (negations kept: they carry meaning here). */
  boolean isStopWord(String folded) {
    return stopWords.contains(folded);
  }

  Stemmer newStemmer() {
    return stemmers.get();
  }

  boolean negates(String w) {
    return negators.contains(w);
  }

  /** A negation that reaches only the next few words: "no pitch", "kein Verkauf". */
  boolean negatesShortly(String w) {
    return shortNegators.contains(w);
  }

  /** A negation that can stand after what it negates: "wir kennen uns nicht". */
  boolean negatesBackwards(String w) {
    return postNegators.contains(w);
  }

  /** A word that undoes a negation next to it: "not only", "don't hesitate", "no obligation". */
  boolean releases(String w) {
    return releases.contains(w);
  }

  private static final Map<String, Long> CLASSES = classes();

  private static Map<String, Long> classes() {
    Map<String, Long> out = new HashMap<>();
    for (NoteLanguage l : values()) {
      int base = l.ordinal() * 6;
      mark(out, l.markers, 1L << (base + MARKER));
      mark(out, l.negators, 1L << (base + NEGATOR));
      mark(out, l.shortNegators, 1L << (base + SHORT));
      mark(out, l.postNegators, 1L << (base + BACK));
      mark(out, l.releases, 1L << (base + RELEASE));
      mark(out, l.stopWords, 1L << (base + STOP));
    }
    mark(out, CONJUNCTIONS, CONJUNCTION);
    mark(out, words("don doesn didn haven hasn hadn isn aren wasn weren won wouldn couldn shouldn"
        + " can ain mustn needn"), CONTRACTED);
    mark(out, words("dont doesnt didnt havent hasnt hadnt isnt arent wasnt werent wont wouldnt"
        + " couldnt shouldnt cant"), CONTRACTED_WHOLE);
    return out;
  }

  private static void mark(Map<String, Long> out, Set<String> words, long bit) {
    for (String w : words) {
      out.merge(w, bit, (a, b) -> a | b);
    }
  }

  private static Set<String> foldedStopWords(CharArraySet set) {
    Set<String> out = new HashSet<>();
    for (Object o : set) {
      String w = o instanceof char[] c ? new String(c) : o.toString();
      out.add(FoldedText.fold(w));
    }
    return out;
  }

  static Set<String> words(String list) {
    Set<String> out = new HashSet<>();
    for (String w : list.split(" ")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private interface CharStemmer {
    int stem(char[] s, int len);
  }

  private static Stemmer light(CharStemmer stemmer) {
    return word -> {
      char[] c = word.toCharArray();
      return new String(c, 0, stemmer.stem(c, c.length));
    };
  }

  private static Stemmer snowball(SnowballStemmer program) {
    return word -> {
      program.setCurrent(word);
      program.stem();
      return program.getCurrent();
    };
  }

  private static String indonesian(String word) {
    char[] c = word.toCharArray();
    return new String(c, 0, new IndonesianStemmer().stem(c, c.length, true));
  }
}
