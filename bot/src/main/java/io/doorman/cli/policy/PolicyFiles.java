package io.doorman.cli.policy;

import io.doorman.policies.engine.Policy;
import io.doorman.policies.engine.PolicyLoader;
import io.doorman.policies.language.PolicyError;
import io.doorman.policies.language.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads the policy a command line names: the default policy, with the file layered on top. */
public final class PolicyFiles {

  private PolicyFiles() {}

  /**
   * The default policy, plus {@code file} when given.
   *
   * @throws PolicyException when the file cannot be read or has errors, each error naming the file
   */
  /**
   * The policy, or empty after printing each error ({@code doorman: file:line:column: message}) on
   * {@code err}.
   */
  public static Optional<Policy> loadOrReport(Optional<Path> file, java.io.PrintWriter err) {
    try {
      return Optional.of(load(file));
    } catch (PolicyException e) {
      e.errors().forEach(error -> err.println("doorman: " + error));
      return Optional.empty();
    }
  }

  public static Policy load(Optional<Path> file) throws PolicyException {
    if (file.isEmpty()) {
      return Policy.defaults();
    }
    String name = file.get().toString();
    String text;
    try {
      text = Files.readString(file.get(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw problem(name, "no such file");
    } catch (CharacterCodingException e) {
      throw problem(name, "not UTF-8 text");
    } catch (IOException e) {
      throw problem(name, "cannot read: " + e.getMessage());
    }
    return PolicyLoader.withDefaults().layer(name, text).load();
  }

  private static PolicyException problem(String file, String message) {
    return new PolicyException(List.of(new PolicyError(file, 1, 1, message)));
  }
}
