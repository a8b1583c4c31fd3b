package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;

/**
 * What the member wrote, among a notification's paragraphs once its person block is out: LinkedIn's
 * own lines taken out (link labels whose link stands elsewhere, "- Jane Doe" signatures, a line
 * repeating the subject, a heading that opens with the member's name).
 */
final class MemberText {

  private static final int MAX_HEADING_WORDS = 12;

  private MemberText() {}

  /** The paragraphs left, each its lines joined by line breaks. */
  static List<String> paragraphs(List<List<String>> paragraphs, List<String> names, String subject) {
    String subjectKey = TemplateText.comparable(SenderNames.withoutReplyPrefix(subject));
    List<String> kept = new ArrayList<>();
    for (List<String> paragraph : paragraphs) {
      if (paragraph.size() == 1 && isNamedHeading(paragraph.get(0), names)) {
        continue;
      }
      List<String> lines = new ArrayList<>();
      for (String line : paragraph) {
        if (!isTemplateLine(line, names, subjectKey)) {
          lines.add(line);
        }
      }
      if (!lines.isEmpty()) {
        kept.add(String.join("\n", lines).strip());
      }
    }
    return kept;
  }

  private static boolean isTemplateLine(String line, List<String> names, String subjectKey) {
    if (TemplateText.isLinkLabel(line)) {
      return true;
    }
    if (PersonBlock.isSignature(line)) {
      String signed = line.strip().substring(1).strip();
      if (isOneOf(signed, names) || PersonBlock.looksLikeName(signed)) {
        return true;
      }
    }
    return !subjectKey.isEmpty() && subjectKey.length() > 3 && TemplateText.comparable(line).equals(subjectKey);
  }

  /** "Jane Doe would like to stay in touch": a line of its own that opens with the member's name. */
  private static boolean isNamedHeading(String line, List<String> names) {
    String l = line.strip();
    for (String name : names) {
      String n = name.strip();
      if (n.indexOf(' ') > 0 && l.length() > n.length() && l.regionMatches(true, 0, n, 0, n.length())
          && !l.substring(n.length()).strip().contains(". ")
          && TemplateText.WHITESPACE.split(l.substring(n.length()).strip()).length <= MAX_HEADING_WORDS) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOneOf(String text, List<String> names) {
    String key = TemplateText.comparable(text);
    for (String name : names) {
      if (TemplateText.comparable(name).equals(key)) {
        return true;
      }
    }
    return false;
  }
}
