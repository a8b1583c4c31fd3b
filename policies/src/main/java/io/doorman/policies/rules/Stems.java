package io.doorman.policies.rules;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Stems of folded words per language, remembered: a stemmer call costs a few hundred nanoseconds,
 * a look-up a few tens. The cache stops growing at a bound (notes repeat their vocabulary), after
 * which new words are stemmed each time.
 */
final class Stems {

  private static final int MAX_CACHED = 200_000;
  private static final ConcurrentHashMap<String, String>[] CACHE = caches();

  private Stems() {}

  static String of(NoteLanguage language, String folded) {
    ConcurrentHashMap<String, String> cache = CACHE[language.ordinal()];
    String stem = cache.get(folded);
    if (stem == null) {
      stem = folded.length() < 3 || !Character.isLetter(folded.charAt(0)) ? folded
          : language.newStemmer().stem(folded);
      if (cache.size() < MAX_CACHED) {
        cache.put(folded, stem);
      }
    }
    return stem;
  }

  @SuppressWarnings("unchecked")
  private static ConcurrentHashMap<String, String>[] caches() {
    ConcurrentHashMap<String, String>[] out = new ConcurrentHashMap[NoteLanguage.values().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ConcurrentHashMap<>();
    }
    return out;
  }
}
