package io.doorman.email.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks reply tokens {@code ID-MAC}: MAC is the first 12 bytes (hex) of
 * HMAC-SHA256(key, ID + "\n" + address in lower case). Lower-case hex and digits only, so the token
 * survives mail systems that fold the case of addresses.
 */
public final class ReplyTokens {

  /** The file under data.dir that keeps a generated key. */
  public static final String SECRET_FILE = "email-reply-secret";
  private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})-([0-9a-f]{24})");
  private static final int MAC_BYTES = 12;

  private final SecretKeySpec key;

  public ReplyTokens(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("email.reply-secret: use at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The shape of a token, for finding it in addresses and subjects. */
  public static Pattern pattern() {
    return TOKEN;
  }

  public String tokenFor(long invitationId, String address) {
    return invitationId + "-" + HexFormat.of().formatHex(mac(invitationId, address));
  }

  /** The invitation this token is for, when it was made by Doorman for {@code address}. */
  public OptionalLong verify(String token, String address) {
    Matcher m = TOKEN.matcher(token.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    long id;
    try {
      id = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    byte[] given = HexFormat.of().parseHex(m.group(2));
    return MessageDigest.isEqual(given, mac(id, address)) ? OptionalLong.of(id) : OptionalLong.empty();
  }

  private byte[] mac(long id, String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] full = mac.doFinal((id + "\n" + address.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[MAC_BYTES];
      System.arraycopy(full, 0, out, 0, MAC_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * The key: {@code email.reply-secret} when set, else the one kept in {@code dataDir}, generated
   * (32 random bytes, owner-only file) on first use. Several nodes must share one: set it.
   */
  public static byte[] secret(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) {
      return configured.get().getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve(SECRET_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
          // Owner-only from its creation and written whole before it gets its name: the secret is
          // never readable by others, and another process never reads it half-written.
          Path partial = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid());
          ownerOnly(partial);
          Files.write(partial, Base64.getEncoder().encode(fresh), StandardOpenOption.TRUNCATE_EXISTING);
          try {
            Files.move(partial, file);
          } finally {
            Files.deleteIfExists(partial);
          }
        } catch (FileAlreadyExistsException e) {
          // another process made it first: use theirs
        }
      }
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the reply secret " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " is not a reply secret (base64 expected); delete it to make a new one", e);
    }
  }

  /** Creates {@code file} empty, readable by its owner only where the file system has POSIX modes. */
  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system; the data directory's own permissions apply
    }
  }
}
