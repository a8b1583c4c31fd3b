package io.doorman.ingest.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Charset names as mail writes them, decoded leniently: aliases such as {@code utf8} and {@code
 * latin1} are understood, ISO-8859-1 is read as its superset windows-1252 (as browsers do), and an
 * unknown charset falls back to UTF-8 with a warning.
 */
final class Charsets {

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  /** The charset for a declared name; adds a warning to {@code warnings} when it falls back. */
  static Charset forName(String declared, List<String> warnings) {
    String name = declared.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    switch (name) {
      case "", "us-ascii", "ascii", "utf-8", "utf8", "unicode-1-1-utf-8":
        return StandardCharsets.UTF_8;
      case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp1252":
        return WINDOWS_1252;
      default:
        try {
          return Charset.forName(name);
        } catch (RuntimeException e) {
          warnings.add("unknown charset '" + declared.strip() + "', read as UTF-8");
          return StandardCharsets.UTF_8;
        }
    }
  }

  /** Decodes bytes; malformed input becomes U+FFFD (and a warning), never an exception. */
  static String decode(byte[] bytes, int from, int to, Charset charset, List<String> warnings) {
    // The String constructor is the fast way (ASCII and Latin-1 copied as they are); it replaces
    // what it cannot decode with U+FFFD, so only a text holding one needs the strict decoder's word.
    String text = new String(bytes, from, to - from, charset);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    CharsetDecoder strict =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      warnings.add("bytes that are not valid " + charset.name() + " were replaced");
      return lenient(bytes, from, to, charset);
    }
  }

  private static String lenient(byte[] bytes, int from, int to, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException impossible) {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
  }

  /** Header bytes: UTF-8 when they are valid UTF-8, else windows-1252. */
  static String headerText(byte[] bytes, int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, from, to - from, WINDOWS_1252);
    }
  }
}
