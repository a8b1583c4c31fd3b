package io.doorman.ingest.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words in header values ({@code =?UTF-8?Q?J=C3=BCrgen?=}), Q and B, any charset;
 * whitespace between two adjacent encoded words is dropped, as the RFC says.
 */
final class EncodedWords {

  private static final Pattern WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
  private static final Pattern BETWEEN = Pattern.compile("\\s*");

  private EncodedWords() {}

  static String decode(String value) {
    if (!value.contains("=?")) {
      return value;
    }
    List<String> ignored = new ArrayList<>();
    StringBuilder out = new StringBuilder(value.length());
    Matcher m = WORD.matcher(value);
    int last = 0;
    boolean previousWasWord = false;
    while (m.find()) {
      String between = value.substring(last, m.start());
      if (!(previousWasWord && BETWEEN.matcher(between).matches())) {
        out.append(between);
      }
      String charsetName = m.group(1);
      int star = charsetName.indexOf('*');
      if (star >= 0) {
        charsetName = charsetName.substring(0, star);
      }
      byte[] bytes = bytes(m.group(2), m.group(3));
      out.append(
          Charsets.decode(bytes, 0, bytes.length, Charsets.forName(charsetName, ignored), ignored));
      last = m.end();
      previousWasWord = true;
    }
    out.append(value.substring(last));
    return out.toString();
  }

  private static byte[] bytes(String encoding, String text) {
    byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
    if (encoding.equalsIgnoreCase("B")) {
      return TransferDecoding.base64(raw, 0, raw.length);
    }
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '_') {
        raw[i] = ' ';
      }
    }
    return TransferDecoding.quotedPrintable(raw, 0, raw.length);
  }
}
