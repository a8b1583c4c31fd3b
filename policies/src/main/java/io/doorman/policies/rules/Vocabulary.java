package io.doorman.policies.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every keyword phrase of a policy, found in a text in one pass.
 *
 * <p>A phrase is a sequence of words matched on word boundaries in {@link FoldedText}. Three
 * wildcards: {@code #} is any number, {@code word*} any word starting with "word", and {@code ..}
 * zero to three words of anything. Phrases are registered while a policy is parsed (each gets an
 * id), then {@link Builder#build()} indexes them by their first word.
 */
public final class Vocabulary {

  private static final int MAX_GAP = 3;

  private final String[][] phrases;
  private final Map<String, int[]> byFirstWord;
  private final int[] wildcardFirst;

  private Vocabulary(List<String[]> phrases) {
    this.phrases = phrases.toArray(new String[0][]);
    Map<String, List<Integer>> index = new HashMap<>();
    List<Integer> wild = new ArrayList<>();
    for (int id = 0; id < this.phrases.length; id++) {
      String first = this.phrases[id][0];
      if (isWildcard(first)) {
        wild.add(id);
      } else {
        index.computeIfAbsent(first, k -> new ArrayList<>()).add(id);
      }
    }
    this.byFirstWord = new HashMap<>();
    index.forEach((word, ids) -> byFirstWord.put(word, toArray(ids)));
    this.wildcardFirst = toArray(wild);
  }

  /** Collects phrases while a policy is parsed. */
  public static final class Builder {
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<String[]> phrases = new ArrayList<>();

    /**
     * Registers a phrase and returns its id.
     *
     * @throws IllegalArgumentException when the phrase has no word to match
     */
    public int add(String phrase) {
      String[] words = parse(phrase);
      String key = String.join(" ", words);
      Integer id = ids.get(key);
      if (id != null) {
        return id;
      }
      phrases.add(words);
      ids.put(key, phrases.size() - 1);
      return phrases.size() - 1;
    }

    public Vocabulary build() {
      return new Vocabulary(phrases);
    }
  }

  /** Which phrases occur in the text: bit {@code id} of the result is set for each. */
  long[] find(FoldedText text) {
    long[] found = new long[(phrases.length + 63) >>> 6];
    for (int at = 0; at < text.size(); at++) {
      int[] candidates = byFirstWord.get(text.word(at));
      if (candidates != null) {
        mark(candidates, text, at, found);
      }
      if (wildcardFirst.length > 0) {
        mark(wildcardFirst, text, at, found);
      }
    }
    return found;
  }

  /** The first occurrence of any of the phrases, quoted from the original text. */
  Optional<String> quote(FoldedText text, int[] ids) {
    for (int at = 0; at < text.size(); at++) {
      for (int id : ids) {
        int end = matchAt(phrases[id], 0, text, at);
        if (end > at) {
          return Optional.of(text.quote(at, end));
        }
      }
    }
    return Optional.empty();
  }

  String phrase(int id) {
    return String.join(" ", phrases[id]);
  }

  private void mark(int[] candidates, FoldedText text, int at, long[] found) {
    for (int id : candidates) {
      if ((found[id >>> 6] & (1L << id)) == 0 && matchAt(phrases[id], 0, text, at) > at) {
        found[id >>> 6] |= 1L << id;
      }
    }
  }

  /** Matches pattern words from {@code p} at text word {@code at}; the end word index or -1. */
  private static int matchAt(String[] pattern, int p, FoldedText text, int at) {
    if (p == pattern.length) {
      return at;
    }
    String want = pattern[p];
    if (want.equals("..")) {
      for (int skip = 0; skip <= MAX_GAP && at + skip <= text.size(); skip++) {
        int end = matchAt(pattern, p + 1, text, at + skip);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    if (at >= text.size() || !wordMatches(want, text.word(at))) {
      return -1;
    }
    return matchAt(pattern, p + 1, text, at + 1);
  }

  private static boolean wordMatches(String want, String word) {
    if (want.equals("#")) {
      return isNumber(word);
    }
    if (want.endsWith("*")) {
      return word.startsWith(want.substring(0, want.length() - 1));
    }
    return want.equals(word);
  }

  private static boolean isNumber(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isDigit(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWildcard(String word) {
    return word.equals("#") || word.equals("..") || word.endsWith("*");
  }

  private static String[] parse(String phrase) {
    List<String> words = new ArrayList<>();
    for (String raw : phrase.trim().split("\\s+")) {
      if (raw.equals("#") || raw.equals("..")) {
        words.add(raw);
      } else if (raw.endsWith("*") && raw.length() > 1) {
        String stem = FoldedText.fold(raw.substring(0, raw.length() - 1));
        if (stem.isEmpty() || stem.contains(" ")) {
          throw new IllegalArgumentException("'" + raw + "': '*' must end a single word");
        }
        words.add(stem + "*");
      } else {
        String folded = FoldedText.fold(raw);
        if (!folded.isEmpty()) {
          words.addAll(List.of(folded.split(" ")));
        }
      }
    }
    boolean anyWord = words.stream().anyMatch(w -> !w.equals(".."));
    if (!anyWord) {
      throw new IllegalArgumentException("keyword '" + phrase + "' has no word to match");
    }
    while (words.get(0).equals("..")) {
      words.remove(0);
    }
    while (words.get(words.size() - 1).equals("..")) {
      words.remove(words.size() - 1);
    }
    return words.toArray(new String[0]);
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
