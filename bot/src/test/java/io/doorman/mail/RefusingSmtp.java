package io.doorman.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on loopback that speaks the protocol and refuses every recipient with a 5xx
 * reply, as a real server refuses an address it has no mailbox for. GreenMail accepts every
 * address, so this is the peer that makes a letter fail for good.
 */
public final class RefusingSmtp implements AutoCloseable {

  private final ServerSocket server;
  private final String refusal;
  private final AtomicInteger refused = new AtomicInteger();
  private final Thread thread;

  /** Refuses each RCPT with {@code refusal}, e.g. {@code 550 5.1.1 no such user}. */
  public RefusingSmtp(String refusal) throws IOException {
    this.refusal = refusal;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "refusing-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many recipients it refused. */
  public int refused() {
    return refused.get();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        talk(s);
      } catch (IOException e) {
        // the client went away, or the server was closed
      }
    }
  }

  private void talk(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = s.getOutputStream();
    say(out, "220 refusing.example ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO", "HELO" -> say(out, "250 refusing.example");
        case "MAIL" -> say(out, "250 2.1.0 ok");
        case "RCPT" -> {
          refused.incrementAndGet();
          say(out, refusal);
        }
        case "RSET", "NOOP" -> say(out, "250 2.0.0 ok");
        case "QUIT" -> {
          say(out, "221 2.0.0 bye");
          return;
        }
        default -> say(out, "502 5.5.2 not implemented");
      }
    }
  }

  private static void say(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
