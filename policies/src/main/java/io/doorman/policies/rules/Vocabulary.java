package io.doorman.policies.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every keyword phrase of a policy, found in a text in one pass.
 *
 * <p>A phrase is a sequence of words matched on word boundaries in {@link FoldedText}. Five
 * wildcards: {@code #} is any number, {@code @} a name (a word written with a capital, not the
 * first of its sentence nor the one after a greeting), {@code word*} any word starting with
 * "word", {@code word~} any word with the same stem in the text's language ("conversation~"
 * matches "conversations"), and {@code ..} zero to three words of anything within the clause. Phrases are registered while a policy is parsed
 * (each gets an id), then {@link Builder#build()} indexes them by their first word. Finding them
 * records where each occurrence stands, so conditions can ask whether it is negated and which
 * sentence holds it.
 */
public final class Vocabulary {

  private static final int MAX_GAP = 3;
  /** Words in one keyword (LinkedIn's longest default text has 15). */
  static final int MAX_WORDS = 24;
  /** {@code ..} gaps in one keyword: each multiplies the ways a phrase can match by four. */
  static final int MAX_GAPS = 3;

  private final String[][] phrases;
  /** Every exact word of every phrase, numbered; text words are looked up here once. */
  private final Map<String, Integer> wordIds = new HashMap<>();
  private final TrieNode root = new TrieNode();
  private TrieNode[] rootByWord;

  private Vocabulary(List<String[]> phrases) {
    this.phrases = phrases.toArray(new String[0][]);
    for (String[] phrase : this.phrases) {
      for (String word : phrase) {
        if (!word.equals("#") && !word.equals("..") && !word.equals("@") && !word.endsWith("*")
            && !word.endsWith("~")) {
          wordIds.putIfAbsent(word, wordIds.size());
        }
      }
    }
    for (int id = 0; id < this.phrases.length; id++) {
      TrieNode node = root;
      for (String word : this.phrases[id]) {
        node = node.child(word, wordIds);
      }
      node.ids = node.ids == null ? new int[] {id} : append(node.ids, id);
    }
    rootByWord = new TrieNode[wordIds.size()];
    for (int i = 0; i < root.keys.length; i++) {
      rootByWord[root.keys[i]] = root.children[i];
    }
  }

  /**
   * Phrases as a trie of words, so one walk from each text word finds every phrase starting there.
   * Exact words are compared as numbers (see {@link #wordIds}).
   */
  private static final class TrieNode {
    int[] keys = new int[0];
    TrieNode[] children = new TrieNode[0];
    TrieNode number;
    TrieNode name;
    TrieNode gap;
    String[] stems = new String[0];
    TrieNode[] stemNodes = new TrieNode[0];
    /** For {@code word~}: the word's stem in each {@link NoteLanguage}, by ordinal. */
    String[][] forms = new String[0][];
    TrieNode[] formNodes = new TrieNode[0];
    /** Bits of {@link #letterPair} for the first two letters of each stem; null without stems. */
    long[] stemPairs;
    int[] ids;

    TrieNode child(String word, Map<String, Integer> wordIds) {
      if (word.equals("#")) {
        return number == null ? number = new TrieNode() : number;
      }
      if (word.equals("..")) {
        return gap == null ? gap = new TrieNode() : gap;
      }
      if (word.equals("@")) {
        return name == null ? name = new TrieNode() : name;
      }
      if (word.endsWith("~")) {
        String[] byLanguage = formsOf(word.substring(0, word.length() - 1));
        for (int i = 0; i < forms.length; i++) {
          if (Arrays.equals(forms[i], byLanguage)) {
            return formNodes[i];
          }
        }
        forms = Arrays.copyOf(forms, forms.length + 1);
        formNodes = Arrays.copyOf(formNodes, formNodes.length + 1);
        forms[forms.length - 1] = byLanguage;
        return formNodes[formNodes.length - 1] = new TrieNode();
      }
      if (word.endsWith("*")) {
        String stem = word.substring(0, word.length() - 1);
        for (int i = 0; i < stems.length; i++) {
          if (stems[i].equals(stem)) {
            return stemNodes[i];
          }
        }
        stems = Arrays.copyOf(stems, stems.length + 1);
        stemNodes = Arrays.copyOf(stemNodes, stemNodes.length + 1);
        stems[stems.length - 1] = stem;
        if (stemPairs == null) {
          stemPairs = new long[(PAIRS >>> 6) + 1];
        }
        int pair = letterPair(stem);
        stemPairs[pair >>> 6] |= 1L << pair;
        return stemNodes[stemNodes.length - 1] = new TrieNode();
      }
      int key = wordIds.get(word);
      int at = Arrays.binarySearch(keys, key);
      if (at >= 0) {
        return children[at];
      }
      int insert = -at - 1;
      int[] k = new int[keys.length + 1];
      TrieNode[] c = new TrieNode[keys.length + 1];
      System.arraycopy(keys, 0, k, 0, insert);
      System.arraycopy(children, 0, c, 0, insert);
      k[insert] = key;
      c[insert] = new TrieNode();
      System.arraycopy(keys, insert, k, insert + 1, keys.length - insert);
      System.arraycopy(children, insert, c, insert + 1, keys.length - insert);
      keys = k;
      children = c;
      return c[insert];
    }

    TrieNode exact(int wordId) {
      if (wordId < 0) {
        return null;
      }
      int at = Arrays.binarySearch(keys, wordId);
      return at >= 0 ? children[at] : null;
    }
  }

  private static final int PAIRS = 26 * 26;

  /** The first two letters as a number below 676, or 676 for anything but two letters a-z. */
  private static int letterPair(String word) {
    if (word.length() < 2) {
      return PAIRS;
    }
    int a = word.charAt(0) - 'a';
    int b = word.charAt(1) - 'a';
    return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : PAIRS;
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

  /** Which phrases occur in the text, and where. */
  Occurrences find(TextReading text) {
    Occurrences hits = new Occurrences(text, phrases.length);
    int[] ids = new int[text.size()];
    for (int at = 0; at < ids.length; at++) {
      Integer id = wordIds.get(text.text().word(at));
      ids[at] = id == null ? -1 : id;
    }
    for (int at = 0; at < ids.length; at++) {
      int word = ids[at];
      if (word >= 0 && rootByWord[word] != null) {
        walk(rootByWord[word], text, ids, at, at + 1, hits);
      }
      walkWildcards(root, text, ids, at, at, hits);
    }
    return hits.settle();
  }

  int size() {
    return phrases.length;
  }

  /** How many words phrase {@code id} has, wildcards included ({@code ..} not). */
  int words(int id) {
    int n = 0;
    for (String w : phrases[id]) {
      n += w.equals("..") ? 0 : 1;
    }
    return n;
  }

  private static void walk(
      TrieNode node, TextReading text, int[] ids, int from, int at, Occurrences hits) {
    if (node.ids != null) {
      for (int id : node.ids) {
        hits.add(id, from, at);
      }
    }
    if (node.gap != null) { // up to three words, within the clause: "cut your cloud costs"
      for (int skip = 0; skip <= MAX_GAP && at + skip <= ids.length; skip++) {
        if (at + skip < ids.length && at + skip > 0 && text.breakBefore(at + skip)) {
          break;
        }
        walk(node.gap, text, ids, from, at + skip, hits);
      }
    }
    if (at >= ids.length) {
      return;
    }
    TrieNode next = node.exact(ids[at]);
    if (next != null) {
      walk(next, text, ids, from, at + 1, hits);
    }
    walkWildcards(node, text, ids, from, at, hits);
  }

  /** The number, prefix and stem edges of a node, for the word at {@code at}. */
  private static void walkWildcards(
      TrieNode node, TextReading text, int[] ids, int from, int at, Occurrences hits) {
    if (node.number == null && node.name == null && node.stemPairs == null
        && node.forms.length == 0) {
      return;
    }
    String word = text.text().word(at);
    if (node.number != null && isNumber(word)) {
      walk(node.number, text, ids, from, at + 1, hits);
    }
    if (node.name != null && text.isName(at)) {
      walk(node.name, text, ids, from, at + 1, hits);
    }
    int pair = node.stemPairs == null ? -1 : letterPair(word);
    if (pair >= 0 && (node.stemPairs[pair >>> 6] & (1L << pair)) != 0) {
      String[] stems = node.stems;
      for (int i = 0; i < stems.length; i++) {
        if (word.startsWith(stems[i])) {
          walk(node.stemNodes[i], text, ids, from, at + 1, hits);
        }
      }
    }
    if (node.forms.length > 0) {
      String stem = text.stem(at);
      int language = text.language().ordinal();
      for (int i = 0; i < node.forms.length; i++) {
        if (node.forms[i][language].equals(stem)) {
          walk(node.formNodes[i], text, ids, from, at + 1, hits);
        }
      }
    }
  }

  /** A word's stem in every language, for a {@code word~} edge. */
  private static String[] formsOf(String folded) {
    NoteLanguage[] languages = NoteLanguage.values();
    String[] out = new String[languages.length];
    for (NoteLanguage l : languages) {
      out[l.ordinal()] = Stems.of(l, folded);
    }
    return out;
  }

  String phrase(int id) {
    return String.join(" ", phrases[id]);
  }

  private static boolean isNumber(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isDigit(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String[] parse(String phrase) {
    List<String> words = new ArrayList<>();
    for (String raw : phrase.trim().split("\\s+")) {
      if (raw.equals("#") || raw.equals("..") || raw.equals("@")) {
        words.add(raw);
      } else if (raw.endsWith("~") && raw.length() > 1) {
        String word = FoldedText.fold(raw.substring(0, raw.length() - 1));
        if (word.length() < 3 || word.contains(" ")) {
          throw new IllegalArgumentException(
              "'" + raw + "': '~' must end a single word of at least three letters");
        }
        words.add(word + "~");
      } else if (raw.endsWith("*") && raw.length() > 1) {
        String stem = FoldedText.fold(raw.substring(0, raw.length() - 1));
        if (stem.length() < 2 || stem.contains(" ")) {
          throw new IllegalArgumentException(
              "'" + raw + "': '*' must end a single word of at least two letters");
        }
        words.add(stem + "*");
      } else {
        String folded = FoldedText.fold(raw);
        if (!folded.isEmpty()) {
          words.addAll(List.of(folded.split(" ")));
        }
      }
    }
    if (words.size() > MAX_WORDS) {
      throw new IllegalArgumentException("keyword '" + phrase + "' has " + words.size()
          + " words; the limit is " + MAX_WORDS);
    }
    if (words.stream().filter(w -> w.equals("..")).count() > MAX_GAPS) {
      throw new IllegalArgumentException("keyword '" + phrase + "' has more than " + MAX_GAPS
          + " '..' gaps");
    }
    boolean anyWord = words.stream().anyMatch(w -> !w.equals("..") && !w.equals("@"));
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

  private static int[] append(int[] a, int v) {
    int[] b = java.util.Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }
}
