package io.doorman.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of an SMTP server, that can make a send hang: before anything
 * reaches the server (the client waits for a greeting that does not come), or after the letter
 * did (the server has it, the client never hears its 250). For crash tests: kill the sender while
 * its letter is on the way, in either of those moments.
 */
public final class StallingProxy implements AutoCloseable {

  /** What the proxy does with a connection. */
  public enum Mode { PASS, HANG_BEFORE, HANG_AFTER_DATA }

  private final ServerSocket server;
  private final int target;
  private volatile Mode mode = Mode.PASS;
  private final AtomicInteger hanging = new AtomicInteger();

  public StallingProxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "stalling-proxy");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public void mode(Mode m) {
    mode = m;
  }

  /** How many connections hang (or hung) as told. */
  public int hanging() {
    return hanging.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Mode m = mode;
        if (m == Mode.HANG_BEFORE) {
          hanging.incrementAndGet(); // kept open, never answered: the client waits
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        boolean[] dataDone = {false};
        pump(client.getInputStream(), upstream.getOutputStream(), m == Mode.HANG_AFTER_DATA ? dataDone : null);
        pumpReplies(upstream.getInputStream(), client.getOutputStream(), dataDone);
      } catch (IOException e) {
        // closed, or a connection that went away
      }
    }
  }

  /** Client to server; with {@code dataDone}, notes when the letter's end ("\r\n.\r\n") went by. */
  private void pump(InputStream in, OutputStream out, boolean[] dataDone) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      String tail = "";
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          if (dataDone != null) { // noted before the end goes on: the server's 250 can't overtake it
            tail = tail + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            if (tail.contains("\r\n.\r\n")) {
              synchronized (dataDone) {
                dataDone[0] = true;
              }
            }
            tail = tail.length() > 8 ? tail.substring(tail.length() - 8) : tail;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      }
    }, "stalling-proxy-up");
    t.setDaemon(true);
    t.start();
  }

  /** Server to client, until the letter's end went by in a hanging mode: then nothing more. */
  private void pumpReplies(InputStream in, OutputStream out, boolean[] dataDone) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          boolean hang;
          synchronized (dataDone) {
            hang = dataDone[0];
          }
          if (hang) {
            hanging.incrementAndGet();
            return; // the server took the letter; its 250 never reaches the client
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      }
    }, "stalling-proxy-down");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
