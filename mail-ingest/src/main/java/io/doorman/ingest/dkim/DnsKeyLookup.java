package io.doorman.ingest.dkim;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * DKIM keys from DNS TXT records through the JDK's own DNS provider, with a short timeout. Answers
 * are remembered for the life of the process (a few selectors sign all of LinkedIn's mail).
 */
public final class DnsKeyLookup implements DkimKeyLookup {

  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

  @Override
  public Optional<String> keyRecord(String selector, String domain) throws IOException {
    String name = selector + "._domainkey." + domain;
    Optional<String> cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    Optional<String> record = lookup(name);
    if (cache.size() < 10_000) {
      cache.put(name, record);
    }
    return record;
  }

  private static Optional<String> lookup(String name) throws IOException {
    Hashtable<String, String> env = new Hashtable<>();
    env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
    env.put("com.sun.jndi.dns.timeout.initial", "2000");
    env.put("com.sun.jndi.dns.timeout.retries", "1");
    try {
      DirContext dns = new InitialDirContext(env);
      try {
        Attributes attributes = dns.getAttributes(name, new String[] {"TXT"});
        Attribute txt = attributes.get("TXT");
        if (txt == null) {
          return Optional.empty();
        }
        StringBuilder record = new StringBuilder();
        NamingEnumeration<?> values = txt.getAll();
        while (values.hasMore()) {
          record.append(String.valueOf(values.next()).replace("\" \"", "").replace("\"", ""));
        }
        return Optional.of(record.toString());
      } finally {
        dns.close();
      }
    } catch (NameNotFoundException e) {
      return Optional.empty();
    } catch (NamingException e) {
      throw new IOException("DNS lookup of " + name + " failed: " + e.getMessage(), e);
    }
  }
}
