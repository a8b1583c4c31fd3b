package io.doorman.http;

import jakarta.servlet.http.HttpServlet;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty, wired in one place. Servlets are mounted by path spec before {@link #start()}: {@code /}
 * for the console (it also gets every path nothing else claims), {@code /healthz}, {@code /readyz},
 * {@code /metrics}, {@code /slack/events}.
 */
public final class WebServer implements AutoCloseable {

  /** How long a stop waits for requests in flight to finish. */
  private static final long STOP_TIMEOUT_MS = 5_000;

  private final String bind;
  private final int port;
  private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
  private Server server;
  private ServerConnector connector;

  public WebServer(String bind, int port) {
    this.bind = bind;
    this.port = port;
  }

  /** Mounts a servlet at a path spec ({@code /}, {@code /healthz}, {@code /slack/*}); before start. */
  public WebServer mount(String pathSpec, HttpServlet servlet) {
    if (server != null) {
      throw new IllegalStateException("mount " + pathSpec + " before the server starts");
    }
    if (servlets.putIfAbsent(pathSpec, servlet) != null) {
      throw new IllegalStateException("something is already mounted at " + pathSpec);
    }
    return this;
  }

  public synchronized void start() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(50, 4);
    threads.setName("http");
    server = new Server(threads);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost(bind);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    // Counts requests in flight, so that a stop lets them finish (up to the stop timeout) and
    // answers new ones 503 meanwhile.
    server.setHandler(new GracefulHandler(context));
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.setStopAtShutdown(false); // Doorman's own shutdown hook stops it, in order.
    try {
      server.start();
    } catch (java.io.IOException e) {
      server.stop();
      if (e.getCause() instanceof java.net.BindException taken) {
        throw new java.io.IOException("cannot listen on " + bind + ":" + port + " (" + taken.getMessage()
            + "); set http.port or http.bind (DOORMAN_HTTP_PORT, DOORMAN_HTTP_BIND)", e);
      }
      throw e;
    }
  }

  /** The port bound (the real one when 0 was asked for). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The server's base URI, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    if (isAnyAddress(bind)) {
      host = "localhost";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** Between the start of a stop and its end (tests wait for it). */
  boolean isStopping() {
    return server != null && server.isStopping();
  }

  public boolean isRunning() {
    return server != null && server.isRunning();
  }

  /** Stops taking connections and lets requests in flight finish (up to five seconds). */
  @Override
  public synchronized void close() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  /** Whether an address is loopback only (127.0.0.0/8, ::1, localhost). */
  public static boolean isLoopback(String bind) {
    try {
      for (InetAddress a : InetAddress.getAllByName(bind)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isAnyAddress(String bind) {
    return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
  }
}
