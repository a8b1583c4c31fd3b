package io.doorman.email.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyTokensTest {

  @TempDir Path dir;
  private final ReplyTokens tokens = new ReplyTokens("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8));

  @Test
  void aTokenIsForOneInvitationAndOneAddress() {
    String t = tokens.tokenFor(42, "Alice@Example.com");
    assertTrue(t.matches("42-[0-9a-f]{24}"), t);
    assertEquals(OptionalLong.of(42), tokens.verify(t, "alice@example.com"), "addresses compare without case");
    assertEquals(OptionalLong.of(42), tokens.verify(t.toUpperCase(), "alice@example.com"), "nor does the token's");
    assertEquals(OptionalLong.empty(), tokens.verify(t, "bob@example.com"));
    assertEquals(OptionalLong.empty(), tokens.verify(t.replace("42-", "43-"), "alice@example.com"));
    assertEquals(OptionalLong.empty(), tokens.verify("42-000000000000000000000000", "alice@example.com"));
    assertEquals(OptionalLong.empty(), tokens.verify("garbage", "alice@example.com"));
    ReplyTokens otherKey = new ReplyTokens("another-secret-of-16".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(t, otherKey.tokenFor(42, "alice@example.com"));
  }

  @Test
  void theSecretIsGeneratedOnceIntoTheDataDirectoryAndKeptPrivate() throws Exception {
    byte[] first = ReplyTokens.secret(Optional.empty(), dir);
    byte[] again = ReplyTokens.secret(Optional.empty(), dir);
    assertEquals(32, first.length);
    assertArrayEquals(first, again);
    Path file = dir.resolve(ReplyTokens.SECRET_FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertArrayEquals("configured-secret!".getBytes(StandardCharsets.UTF_8),
        ReplyTokens.secret(Optional.of("configured-secret!"), dir));
    assertThrows(IllegalArgumentException.class, () -> new ReplyTokens("short".getBytes(StandardCharsets.UTF_8)));
  }
}
