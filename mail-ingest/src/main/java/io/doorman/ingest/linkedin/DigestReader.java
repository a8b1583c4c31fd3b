package io.doorman.ingest.linkedin;

import io.doorman.policies.Invitation;
import io.doorman.policies.Notification;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a digest ("You have 4 pending invitations"): one invitation per person listed, each the
 * lines above its Accept link. The N-th is read from {@code source#N}.
 */
final class DigestReader {

  private DigestReader() {}

  static List<Notification> read(Origin origin, Content content, boolean linksShown) {
    List<Notification> out = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    Entry last = null;
    List<Entry> entries = new ArrayList<>();
    for (Line line : content.lines()) {
      if (line.link().isPresent()) {
        Link link = line.link().get();
        if (link.role() == Wording.LinkRole.ACCEPT && !pending.isEmpty()) {
          last = new Entry(List.copyOf(pending), link.url());
          entries.add(last);
          pending.clear();
        } else if (link.role() == Wording.LinkRole.PROFILE && last != null && last.profile == null) {
          last.profile = link.url();
        }
      } else if (line.isBlank()) {
        if (last == null || !pending.isEmpty()) {
          pending.clear();
        }
      } else if (!Wording.isHeading(line.text())) {
        pending.add(line.text());
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      out.add(entries.get(i).invitation(origin.withSource(origin.source() + "#" + i), linksShown));
    }
    return out;
  }

  private static final class Entry {
    final List<String> lines;
    final String accept;
    String profile;

    Entry(List<String> lines, String accept) {
      this.lines = lines;
      this.accept = accept;
    }

    Invitation invitation(Origin origin, boolean linksShown) {
      PersonBlock p = PersonBlock.read(List.of(lines), 0, 0);
      return new Invitation(
          origin,
          new Person(
              p.name(),
              p.headline(),
              p.location(),
              linksShown ? Optional.ofNullable(profile).map(LinkCleaner::clean) : Optional.empty()),
          p.mutual(),
          Optional.empty(),
          linksShown ? Optional.of(LinkCleaner.clean(accept)) : Optional.empty(),
          LinkCleaner.param(accept, "invitationId"),
          false);
    }
  }
}
