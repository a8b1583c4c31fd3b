package io.doorman.health;

import com.google.gson.stream.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /healthz} when given no probes (200 while the process answers), {@code /readyz} with
 * them: 200 only when every probe is ready, else 503; the body names each probe either way.
 */
public final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient Supplier<List<Probe>> probes;

  /** Liveness: always 200. */
  public static HealthServlet alive() {
    return new HealthServlet(List::of);
  }

  /** Readiness over these probes; a supplier, so components added later are asked too. */
  public static HealthServlet ready(Supplier<List<Probe>> probes) {
    return new HealthServlet(probes);
  }

  private HealthServlet(Supplier<List<Probe>> probes) {
    this.probes = probes;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean ready = true;
    StringWriter body = new StringWriter();
    try (JsonWriter json = new JsonWriter(body)) {
      json.beginObject();
      json.name("checks").beginObject();
      for (Probe p : probes.get()) {
        Status s = p.run();
        ready &= s.ready();
        json.name(p.name()).beginObject();
        json.name("ready").value(s.ready());
        json.name("detail").value(s.detail());
        json.endObject();
      }
      json.endObject();
      json.name("status").value(ready ? "ok" : "unavailable");
      json.endObject();
    }
    resp.setStatus(ready ? 200 : 503);
    resp.setContentType("application/json; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter().write(body.toString());
  }
}
