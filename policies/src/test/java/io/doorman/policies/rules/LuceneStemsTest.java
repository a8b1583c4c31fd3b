package io.doorman.policies.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A differential test: the words Doorman keeps of a note, and their stems, are the terms Lucene's
 * own analyzer for the language produces (accents folded), although Doorman runs the analyzer's
 * stop set and stemmer on words it has already split and folded, without a token stream.
 */
class LuceneStemsTest {

  private static List<String> doorman(NoteLanguage language, String text) {
    TextReading r = new TextReading(new FoldedText(text), language);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      if (!r.isStopWord(i)) {
        out.add(r.stem(i));
      }
    }
    return out;
  }

  private static List<String> lucene(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("note", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(FoldedText.fold(term.toString()));
      }
      ts.end();
    }
    return out;
  }

  private static Analyzer analyzer(NoteLanguage language) {
    return switch (language) {
      case EN -> new EnglishAnalyzer();
      case DE -> new GermanAnalyzer();
      case FR -> new FrenchAnalyzer();
      case ES -> new SpanishAnalyzer();
      case PT -> new PortugueseAnalyzer();
      case IT -> new ItalianAnalyzer();
      case NL -> new DutchAnalyzer();
      case ID -> new IndonesianAnalyzer();
    };
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "EN | Thanks for the conversations about connecting platforms and hiring engineers",
    "DE | Wir haben uns beim Workshop getroffen und über Datenplattformen gesprochen",
    "FR | Nous avons discuté des plateformes de données pendant les conférences",
    "ES | Hablamos de las plataformas de datos durante las conferencias",
    "PT | Conversamos sobre plataformas de dados durante as conferências",
    "IT | Abbiamo parlato delle piattaforme di dati durante le conferenze",
    "NL | We hebben gesproken over dataplatforms tijdens de conferenties",
    "ID | Kami membicarakan platform data selama konferensi",
  })
  void theTermsKeptAreLucenesAnalyzerTerms(NoteLanguage language, String text)
      throws IOException {
    List<String> ours = doorman(language, text);
    List<String> theirs;
    try (Analyzer a = analyzer(language)) {
      theirs = lucene(a, text);
    }
    assertTrue(ours.size() >= 3, ours.toString());
    // negations are kept as words here (they carry meaning); Lucene's stop sets drop some
    ours.removeIf(w -> language.negates(w) || language.negatesShortly(w));
    assertEquals(theirs, ours);
  }
}
