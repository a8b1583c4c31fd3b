package io.doorman.ingest.linkedin;

import io.doorman.policies.Invitation;
import io.doorman.policies.Notification;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a digest ("You have 4 pending invitations"): one invitation per accept link, each the
 * person described in the paragraph above it. The N-th is read from {@code source#N}. A digest of
 * which no entry can be read still gives one line, with the problem named.
 */
final class DigestReader {

  private DigestReader() {}

  static List<Notification> read(Origin origin, Reading r) {
    List<Entry> entries = entries(r.layout.content());
    List<Notification> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      out.add(entries.get(i).invitation(origin.withSource(origin.source() + "#" + i), r.linksShown));
    }
    if (out.isEmpty()) {
      r.problem("digest: no entry could be read");
      out.add(
          new Invitation(
              origin.withSource(origin.source() + "#0").withProblems(r.problems()),
              Person.named(r.name()),
              OptionalInt.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              false));
    }
    return out;
  }

  private static List<Entry> entries(List<Line> content) {
    List<Entry> entries = new ArrayList<>();
    List<List<String>> paragraphs = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    Entry last = null;
    String profileBefore = null;
    for (Line line : content) {
      Optional<Link> link = line.link();
      if (link.isEmpty()) {
        if (line.isBlank()) {
          paragraph = endParagraph(paragraphs, paragraph);
        } else if (!TemplateText.isHeading(line.text()) && !Layout.isRule(line.text())) {
          paragraph.add(line.text());
        }
        continue;
      }
      paragraph = endParagraph(paragraphs, paragraph);
      LinkRole role = link.get().role();
      if (role == LinkRole.ACCEPT) {
        if (paragraphs.isEmpty()) {
          continue; // a second accept link of the same entry (a photo, a button)
        }
        last = new Entry(paragraphs.get(paragraphs.size() - 1), link.get().url(), profileBefore);
        entries.add(last);
        paragraphs.clear();
        profileBefore = null;
      } else if (role == LinkRole.PROFILE) {
        if (paragraphs.isEmpty() && last != null && last.profile == null) {
          last.profile = link.get().url();
        } else if (!paragraphs.isEmpty()) {
          profileBefore = link.get().url();
        }
      }
    }
    return entries;
  }

  private static List<String> endParagraph(List<List<String>> paragraphs, List<String> paragraph) {
    if (paragraph.isEmpty()) {
      return paragraph;
    }
    paragraphs.add(paragraph);
    return new ArrayList<>();
  }

  private static final class Entry {
    final List<String> lines;
    final String accept;
    String profile;

    Entry(List<String> lines, String accept, String profile) {
      this.lines = List.copyOf(lines);
      this.accept = accept;
      this.profile = profile;
    }

    Invitation invitation(Origin origin, boolean linksShown) {
      PersonBlock p = PersonBlock.read(lines, 0, 0);
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
          LinkCleaner.invitationId(accept),
          false);
    }
  }
}
