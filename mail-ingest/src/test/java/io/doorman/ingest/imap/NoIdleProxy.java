package io.doorman.ingest.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a real IMAP server (GreenMail) that takes IDLE out of every capability
 * list the server sends, so a client sees a server without IDLE. Everything else passes as it is.
 */
final class NoIdleProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private NoIdleProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(this::accept, "no-idle-proxy");
    accepting.setDaemon(true);
    accepting.start();
  }

  static NoIdleProxy to(String host, int port) throws IOException {
    return new NoIdleProxy(host, port);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        open.add(client);
        open.add(server);
        pump("client to server", client.getInputStream(), server.getOutputStream(), false);
        pump("server to client", server.getInputStream(), client.getOutputStream(), true);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(String name, InputStream in, OutputStream out, boolean rewrite) {
    Thread t = new Thread(() -> {
      try (in; out) {
        if (rewrite) {
          copyLinesWithoutIdle(in, out);
        } else {
          in.transferTo(out);
        }
      } catch (IOException closed) {
        // One side hung up: the other goes with it.
      }
    }, "no-idle-proxy " + name);
    t.setDaemon(true);
    t.start();
  }

  /** Line by line, so each response is passed on whole and at once. */
  private static void copyLinesWithoutIdle(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      line.write(b);
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (text.contains("CAPABILITY")) {
          text = text.replace(" IDLE", "");
        }
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        line.reset();
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
