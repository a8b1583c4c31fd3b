package io.doorman.ingest.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates a mail connection trusts: the JVM's, and those of a PEM file the operator names
 * ({@code imap.trust}, {@code smtp.trust}) for a server with its own or a private CA's certificate.
 * Host names are verified on every connection. The chain a server showed is kept, so a failure
 * can say whose certificate it was.
 */
public final class Trust {

  private final Optional<Path> pem;
  private final SSLSocketFactory factory;
  private volatile List<X509Certificate> lastChain = List.of();

  private Trust(Optional<Path> pem) throws IOException, GeneralSecurityException {
    this.pem = pem;
    List<X509ExtendedTrustManager> managers = new ArrayList<>();
    managers.add(managerFor(null));
    if (pem.isPresent()) {
      managers.add(managerFor(keyStore(pem.get())));
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new AnyOf(managers)}, null);
    this.factory = new VerifyingHosts(context.getSocketFactory());
  }

  /** The JVM's certificates, and those of {@code pem} when given. */
  public static Trust of(Optional<Path> pem, String key) {
    try {
      return new Trust(pem);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(key + ": cannot read certificates from " + pem.orElseThrow() + ": " + e.getMessage(), e);
    }
  }

  /** Sockets that trust these certificates and verify the host name. */
  public SSLSocketFactory socketFactory() {
    return factory;
  }

  public Optional<Path> pem() {
    return pem;
  }

  /** The chain the server showed on the last handshake, server first. */
  List<X509Certificate> lastChain() {
    return lastChain;
  }

  private static KeyStore keyStore(Path pem) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    CertificateFactory certificates = CertificateFactory.getInstance("X.509");
    int n = 0;
    try (InputStream in = Files.newInputStream(pem)) {
      for (var cert : certificates.generateCertificates(in)) {
        store.setCertificateEntry("trusted-" + n++, cert);
      }
    }
    if (n == 0) {
      throw new CertificateException("no certificate in the file");
    }
    return store;
  }

  private static X509ExtendedTrustManager managerFor(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    for (TrustManager m : f.getTrustManagers()) {
      if (m instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /** A check of one manager, with or without the connection it is for. */
  private interface Check {
    void run(X509ExtendedTrustManager m) throws CertificateException;
  }

  /**
   * Trusts a chain when any of its managers does, each checking the host name itself; remembers the
   * chain it was shown. When all refuse, the refusal that is not about the chain's issuer (a
   * trusted certificate for another name) is the one to tell.
   */
  private final class AnyOf extends X509ExtendedTrustManager {
    private final List<X509ExtendedTrustManager> managers;

    AnyOf(List<X509ExtendedTrustManager> managers) {
      this.managers = managers;
    }

    private void trusted(X509Certificate[] chain, Check check) throws CertificateException {
      lastChain = List.of(chain);
      CertificateException told = null;
      for (X509ExtendedTrustManager m : managers) {
        try {
          check.run(m);
          return;
        } catch (CertificateException e) {
          if (told == null || isAboutIssuer(told) && !isAboutIssuer(e)) {
            told = e;
          }
        }
      }
      throw told;
    }

    private static boolean isAboutIssuer(CertificateException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.security.cert.CertPathBuilderException
            || t instanceof java.security.cert.CertPathValidatorException
            || String.valueOf(t.getMessage()).contains("PKIX path")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      trusted(chain, m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      trusted(chain, m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
        throws CertificateException {
      trusted(chain, m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("Doorman does not take client connections here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("Doorman does not take client connections here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("Doorman does not take client connections here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>();
      for (X509ExtendedTrustManager m : managers) {
        all.addAll(List.of(m.getAcceptedIssuers()));
      }
      return all.toArray(X509Certificate[]::new);
    }
  }

  /** Turns on host-name verification (as HTTPS does it) on every socket it makes. */
  private static final class VerifyingHosts extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    VerifyingHosts(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    private static Socket verifying(Socket s) {
      if (s instanceof SSLSocket ssl) {
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
      }
      return s;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
      return verifying(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
      return verifying(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return verifying(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return verifying(delegate.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return verifying(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
      return verifying(delegate.createSocket(address, port, local, localPort));
    }
  }
}
