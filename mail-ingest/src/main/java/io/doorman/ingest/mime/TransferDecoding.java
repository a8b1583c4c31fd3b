package io.doorman.ingest.mime;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Content-Transfer-Encoding, decoded in bulk on the raw bytes: quoted-printable and base64 (ragged
 * lines, missing padding and stray characters tolerated); anything else is taken as it is.
 */
final class TransferDecoding {

  private static final byte[] BASE64_VALUE = new byte[128];

  static {
    Arrays.fill(BASE64_VALUE, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      BASE64_VALUE[alphabet.charAt(i)] = (byte) i;
    }
  }

  private TransferDecoding() {}

  /** The decoded bytes of {@code data[from, to)} in the named encoding. */
  static byte[] decode(String encoding, byte[] data, int from, int to) {
    String e = encoding.strip().toLowerCase(Locale.ROOT);
    if (e.equals("quoted-printable")) {
      return quotedPrintable(data, from, to);
    } else if (e.equals("base64")) {
      return base64(data, from, to);
    }
    return Arrays.copyOfRange(data, from, to);
  }

  static byte[] quotedPrintable(byte[] data, int from, int to) {
    byte[] out = new byte[to - from];
    int n = 0;
    int i = from;
    while (i < to) {
      byte b = data[i];
      if (b != '=') {
        out[n++] = b;
        i++;
        continue;
      }
      if (i + 1 < to && data[i + 1] == '\n') {
        i += 2;
      } else if (i + 2 < to && data[i + 1] == '\r' && data[i + 2] == '\n') {
        i += 3;
      } else if (i + 2 < to && hex(data[i + 1]) >= 0 && hex(data[i + 2]) >= 0) {
        out[n++] = (byte) (hex(data[i + 1]) << 4 | hex(data[i + 2]));
        i += 3;
      } else if (i + 1 == to) {
        i++;
      } else {
        out[n++] = b;
        i++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  static byte[] base64(byte[] data, int from, int to) {
    byte[] clean = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      byte b = data[i];
      if (b >= 0 && BASE64_VALUE[b] >= 0) {
        clean[n++] = b;
      }
    }
    int rest = n % 4;
    if (rest == 1) {
      n--;
      rest = 0;
    }
    int padded = rest == 0 ? n : n + (4 - rest);
    byte[] input = Arrays.copyOf(clean, padded);
    for (int i = n; i < padded; i++) {
      input[i] = '=';
    }
    try {
      return Base64.getDecoder().decode(input);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    } else if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    } else if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    return -1;
  }
}
