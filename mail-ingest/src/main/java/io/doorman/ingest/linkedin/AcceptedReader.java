package io.doorman.ingest.linkedin;

import io.doorman.policies.Accepted;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;

/** Reads "Jane Doe accepted your invitation": who accepted, their headline and profile. */
final class AcceptedReader {

  private AcceptedReader() {}

  static Accepted read(Origin origin, Reading r) {
    if (r.name().isBlank()) {
      r.problem("accepted: the member's name could not be read");
    }
    return new Accepted(
        origin.withProblems(r.problems()),
        new Person(
            r.name(),
            r.person.flatMap(PersonBlock::headline),
            r.person.flatMap(PersonBlock::location),
            r.link(LinkRole.PROFILE)));
  }
}
