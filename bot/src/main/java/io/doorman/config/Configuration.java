package io.doorman.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The settings in effect: environment over file over default, each with where it came from.
 * Checked when loaded, so a bad value stops Doorman at the start with a message naming it.
 */
public final class Configuration {

  /** The file read from the working directory when no {@code --config} is given. */
  public static final String DEFAULT_FILE = "doorman.properties";

  /** One setting in effect: its value (empty when not set) and origin. */
  public record Entry(Setting setting, Optional<String> value, Origin origin) {

    /** The value as it may be shown: secrets masked. */
    public String shown() {
      if (value.isEmpty()) {
        return "-";
      }
      return setting.secret() ? Masking.mask(value.get()) : value.get();
    }
  }

  private final Map<String, Entry> entries;
  private final Optional<Path> file;
  private final List<String> warnings;

  private Configuration(Map<String, Entry> entries, Optional<Path> file, List<String> warnings) {
    this.entries = entries;
    this.file = file;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Loads the settings from {@code env} and a properties file: {@code explicitFile} if given (it
   * must exist), else {@code doorman.properties} in {@code workingDir} if there is one.
   *
   * @throws ConfigException naming every unknown key, unreadable file and bad value
   */
  public static Configuration load(Map<String, String> env, Optional<Path> explicitFile, Path workingDir) {
    List<String> problems = new ArrayList<>();
    Optional<Path> file = explicitFile.or(() -> Optional.of(workingDir.resolve(DEFAULT_FILE)).filter(Files::isRegularFile));
    Map<String, String> fromFile = new LinkedHashMap<>();
    if (file.isPresent()) {
      readFile(file.get(), fromFile, problems);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Setting s : Settings.all()) {
      Entry e;
      if (env.containsKey(s.envVar())) {
        e = new Entry(s, Optional.of(env.get(s.envVar()).strip()), Origin.environment(s.envVar()));
      } else if (fromFile.containsKey(s.key())) {
        e = new Entry(s, Optional.of(fromFile.get(s.key())), Origin.file(file.get().toString()));
      } else if (s.defaultValue().isPresent()) {
        e = new Entry(s, s.defaultValue(), Origin.DEFAULT);
      } else {
        e = new Entry(s, Optional.empty(), Origin.NOT_SET);
      }
      check(e, problems);
      entries.put(s.key(), e);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    List<String> warnings = new ArrayList<>();
    for (String name : Settings.unknownEnvironment(env)) {
      warnings.add("environment variable " + name + " is not a Doorman setting; ignored");
    }
    return new Configuration(entries, file, warnings);
  }

  /** Settings from a map of file keys (tests, embedding), checked like a file's. */
  public static Configuration of(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String key : values.keySet()) {
      if (Settings.find(key).isEmpty()) {
        problems.add(unknown("(given)", key));
      }
    }
    for (Setting s : Settings.all()) {
      Entry e =
          values.containsKey(s.key())
              ? new Entry(s, Optional.of(values.get(s.key()).strip()), Origin.file("(given)"))
              : new Entry(s, s.defaultValue(), s.defaultValue().isPresent() ? Origin.DEFAULT : Origin.NOT_SET);
      check(e, problems);
      entries.put(s.key(), e);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Configuration(entries, Optional.empty(), List.of());
  }

  private static void readFile(Path path, Map<String, String> into, List<String> problems) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (java.nio.file.NoSuchFileException e) {
      problems.add(path + ": no such configuration file");
      return;
    } catch (IOException | IllegalArgumentException e) {
      problems.add(path + ": cannot read: " + e.getMessage());
      return;
    }
    List<String> keys = new ArrayList<>(p.stringPropertyNames());
    keys.sort(null);
    for (String key : keys) {
      if (Settings.find(key).isEmpty()) {
        problems.add(unknown(path.toString(), key));
      } else {
        into.put(key, p.getProperty(key).strip());
      }
    }
  }

  private static String unknown(String where, String key) {
    return where + ": unknown key '" + key + "' (did you mean " + Settings.closest(key) + "?)";
  }

  private static void check(Entry e, List<String> problems) {
    if (e.value().isEmpty() || e.origin().kind() == Origin.Kind.DEFAULT) {
      return;
    }
    Optional<String> problem = e.setting().check().problem(e.value().get());
    if (problem.isPresent()) {
      String value = e.setting().secret() ? "" : " '" + e.value().get() + "'";
      problems.add(e.setting().key() + value + " (" + e.origin() + "): " + problem.get());
    }
  }

  /**
   * A setting's value by file key, as given (an empty value stays empty: {@code email.digest-at=}
   * turns the digest off); empty when neither set nor defaulted.
   *
   * @throws IllegalArgumentException for a key the catalog does not know (a typo in code)
   */
  public Optional<String> get(String key) {
    return entry(key).value();
  }

  /** The value when it is not blank: for settings where empty means "not set". */
  public Optional<String> given(String key) {
    return get(key).filter(v -> !v.isBlank());
  }

  /** {@link #get} as a function, the one way components read settings. */
  public Function<String, Optional<String>> lookup() {
    return this::get;
  }

  public Entry entry(String key) {
    Entry e = entries.get(key);
    if (e == null) {
      throw new IllegalArgumentException("no setting '" + key + "' (did you mean " + Settings.closest(key) + "?)");
    }
    return e;
  }

  /** Every setting, in catalog order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The properties file read, if any. */
  public Optional<Path> file() {
    return file;
  }

  /** Things worth telling that don't stop Doorman (an unknown DOORMAN_ variable). */
  public List<String> warnings() {
    return warnings;
  }
}
