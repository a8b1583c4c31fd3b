package io.doorman.ingest.bench;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An earlier build of Doorman's reader, loaded beside this one so both are measured in the same
 * JMH run: {@code -Ddoorman.bench.baseline=OLD/mail-ingest.jar:OLD/policies.jar} (the two jars of
 * a checkout built with {@code ./mvnw -pl mail-ingest -am package -DskipTests}). Doorman's own
 * classes come from those jars first; the libraries from this build.
 */
final class BaselineReader {

  private final Object reader;
  private final Method read;
  private final Constructor<?> rawMail;

  private BaselineReader(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> readerClass = loader.loadClass("io.doorman.ingest.MailReader");
    Class<?> rawClass = loader.loadClass("io.doorman.ingest.RawMail");
    this.reader = readerClass.getConstructor().newInstance();
    this.read = readerClass.getMethod("read", rawClass);
    this.rawMail = rawClass.getConstructor(String.class, byte[].class);
  }

  /** The baseline named by {@code doorman.bench.baseline}, when one is. */
  static Optional<BaselineReader> fromProperty() throws IOException, ReflectiveOperationException {
    String jars = System.getProperty("doorman.bench.baseline", "");
    if (jars.isBlank()) {
      return Optional.empty();
    }
    List<URL> urls = new ArrayList<>();
    for (String jar : jars.split(":")) {
      Path p = Path.of(jar);
      if (!Files.isRegularFile(p)) {
        throw new IOException("no baseline jar at " + p);
      }
      urls.add(p.toUri().toURL());
    }
    return Optional.of(new BaselineReader(new DoormanFirst(urls.toArray(URL[]::new), BaselineReader.class.getClassLoader())));
  }

  /** Reads one message; the number of notifications, -1 when the baseline refused it. */
  int read(String source, byte[] bytes) throws ReflectiveOperationException {
    try {
      return ((List<?>) read.invoke(reader, rawMail.newInstance(source, bytes))).size();
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() != null && e.getCause().getClass().getSimpleName().equals("UnreadableMailException")) {
        return -1;
      }
      throw e;
    }
  }

  /** Loads {@code io.doorman} classes from its own jars before asking its parent. */
  private static final class DoormanFirst extends URLClassLoader {
    DoormanFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.doorman.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
