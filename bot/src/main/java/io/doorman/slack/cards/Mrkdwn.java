package io.doorman.slack.cards;

/**
 * Text from an email (a note, a headline, a name) made safe for Slack's mrkdwn: {@code &}, {@code
 * <} and {@code >} escaped, so {@code <!channel>} or {@code <https://evil.example|linkedin.com>}
 * show as text and do nothing.
 */
public final class Mrkdwn {

  private Mrkdwn() {}

  public static String escape(String userText) {
    StringBuilder out = new StringBuilder(userText.length() + 16);
    for (int i = 0; i < userText.length(); i++) {
      char c = userText.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escaped, then cut to {@code max} characters with an ellipsis, never inside an escape: Slack
   * limits section text to 3,000 characters, button labels to 75, values to 2,000.
   */
  public static String escapeWithin(String userText, int max) {
    String escaped = escape(userText);
    if (escaped.length() <= max) {
      return escaped;
    }
    int cut = max - 1;
    int amp = escaped.lastIndexOf('&', cut);
    if (amp >= 0 && escaped.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (cut > 0 && Character.isHighSurrogate(escaped.charAt(cut - 1))) {
      cut--;
    }
    return escaped.substring(0, cut) + "…";
  }
}
