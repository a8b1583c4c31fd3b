package io.doorman.ingest.tls;

import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A failed mail connection told in one line that says what is wrong and what to set, e.g.
 * {@code IMAP 127.0.0.1:14993: the server's certificate (CN=localhost, self-signed) is not trusted;
 * set imap.trust to its PEM file}.
 */
public final class TlsProblem {

  private TlsProblem() {}

  /**
   * The failure as one line, when it is a TLS failure (else empty).
   *
   * @param protocol {@code IMAP} or {@code SMTP}; its lower case is the settings' prefix
   */
  public static Optional<String> explain(String protocol, String host, int port, TlsMode mode, Trust trust, Throwable failure) {
    String where = protocol + " " + host + ":" + port + ": ";
    String prefix = protocol.toLowerCase(java.util.Locale.ROOT);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof CertPathBuilderException || m.contains("PKIX path building failed")
          || m.contains("unable to find valid certification path")) {
        return Optional.of(where + "the server's certificate (" + describe(trust.lastChain()) + ") is not trusted; set "
            + prefix + ".trust to " + (trust.pem().isPresent() ? "a PEM file that holds it or its CA (" + trust.pem().get() + " does not)" : "its PEM file"));
      }
      if (m.contains("No name matching") || m.contains("No subject alternative") || m.contains("doesn't match")) {
        return Optional.of(where + "the server's certificate (" + describe(trust.lastChain()) + ") is not for " + host
            + "; set " + prefix + ".host to a name the certificate names");
      }
      if (t instanceof SSLException && (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext connection"))) {
        return Optional.of(where + "the server does not speak TLS on this port (a plain port?); set " + prefix
            + ".tls=starttls, or the TLS port (" + (prefix.equals("imap") ? "993" : "465") + ")");
      }
      if (m.contains("STARTTLS is required") || (m.contains("STARTTLS") && m.contains("not supported"))
          || m.contains("doesn't support STARTTLS")) {
        return Optional.of(where + "the server does not offer STARTTLS and " + prefix
            + ".tls=starttls requires it; refusing to log in without TLS (use its TLS port with "
            + prefix + ".tls=implicit)");
      }
      if (mode == TlsMode.NONE || mode == TlsMode.STARTTLS) {
        if (t instanceof SocketTimeoutException || m.contains("Read timed out")) {
          return Optional.of(where + "no greeting from the server (a TLS port spoken to in plain?); set " + prefix
              + ".tls=implicit for a TLS port");
        }
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException) {
        return Optional.of(where + "the TLS handshake failed: " + t.getMessage());
      }
    }
    return Optional.empty();
  }

  private static String describe(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      return "not shown";
    }
    X509Certificate leaf = chain.get(0);
    String subject = leaf.getSubjectX500Principal().getName();
    String cn = subject;
    for (String part : subject.split(",")) {
      if (part.strip().startsWith("CN=")) {
        cn = part.strip();
      }
    }
    boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
    return cn + (selfSigned ? ", self-signed" : ", issued by " + leaf.getIssuerX500Principal().getName());
  }
}
