package io.doorman.ingest.imap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where an XOAUTH2 access token comes from: a fixed value (an environment variable), or a command
 * run at each connect whose first line of output is the token (e.g. {@code oauth2l fetch}, {@code
 * az account get-access-token}), so an expired token is refreshed by reconnecting.
 */
@FunctionalInterface
public interface TokenSource {

  String token() throws IOException;

  static TokenSource fixed(String token) {
    return new TokenSource() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public String toString() {
        return "token ***";
      }
    };
  }

  /** Runs {@code command} with {@code sh -c}; a non-zero exit, no output or 30 s without an answer fail. */
  static TokenSource command(String command) {
    return new TokenSource() {
      @Override
      public String token() throws IOException {
        Process p = new ProcessBuilder(List.of("sh", "-c", command))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
          out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
          if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("imap.oauth-token-command did not finish within 30 s");
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while running imap.oauth-token-command", e);
        }
        if (p.exitValue() != 0) {
          throw new IOException("imap.oauth-token-command exited with " + p.exitValue());
        }
        String token = out.strip().lines().findFirst().orElse("").strip();
        if (token.isEmpty()) {
          throw new IOException("imap.oauth-token-command printed no token");
        }
        return token;
      }

      @Override
      public String toString() {
        return "token from command";
      }
    };
  }
}
