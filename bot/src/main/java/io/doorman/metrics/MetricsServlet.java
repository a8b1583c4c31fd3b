package io.doorman.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;

/** {@code GET /metrics}: the registry in Prometheus' text format. */
public final class MetricsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient Metrics metrics;

  public MetricsServlet(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    StringWriter text = new StringWriter();
    metrics.writeTo(text);
    resp.setStatus(200);
    resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
    resp.getWriter().write(text.toString());
  }
}
