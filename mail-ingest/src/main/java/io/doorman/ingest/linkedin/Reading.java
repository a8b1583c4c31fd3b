package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One original being read: its layout, the member's names and person block, and what could not be
 * read so far. The readers of each kind take what they need from here.
 */
final class Reading {

  final Original original;
  final Marks marks;
  final Layout layout;
  final List<String> names;
  final List<Layout.Block> blocks;
  final Optional<PersonBlock> person;
  final boolean linksShown;
  private final List<String> problems = new ArrayList<>();

  Reading(Original original, Marks marks, boolean message, boolean linksShown) {
    this.original = original;
    this.marks = marks;
    this.linksShown = linksShown;
    // In a message the sender's own "Hi Paul," follows their name: the names end the greeting's search.
    this.layout = Layout.of(original, message ? SenderNames.of(original, original.lines()) : List.of());
    this.names = SenderNames.of(original, layout.content());
    this.blocks = layout.blocks();
    this.person = PersonBlock.find(blocks, names);
  }

  /** The member's name: from their person block, else the best candidate; "" when none is known. */
  String name() {
    return person.map(PersonBlock::name).orElse(names.isEmpty() ? "" : names.get(0));
  }

  /** The first content link with this role, tracking removed; empty when links are not shown. */
  Optional<String> link(LinkRole role) {
    if (!linksShown) {
      return Optional.empty();
    }
    return rawLink(role).map(LinkCleaner::clean);
  }

  /** The first link with this role as written. */
  Optional<String> rawLink(LinkRole role) {
    return original.firstLink(role).map(Link::url);
  }

  /**
   * The paragraphs that are neither the person block nor LinkedIn's text, as the member wrote them,
   * in order; compared with the HTML part when there is one.
   */
  Optional<String> memberText() {
    List<List<String>> paragraphs =
        person.map(p -> p.linesAround(blocks)).orElseGet(() -> blocks.stream().map(Layout.Block::lines).toList());
    List<String> kept = MemberText.paragraphs(paragraphs, names, original.subject());
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    Optional<io.doorman.ingest.mime.MimeMail.Bytes> html = original.alternativeHtml();
    if (html.isPresent()) {
      HtmlText.Visible visible = HtmlText.visible(html.get());
      if (!visible.complete()) {
        return Optional.of(String.join("\n\n", kept).strip()).filter(s -> !s.isEmpty());
      }
      List<String> inBoth = kept.stream().filter(visible::contains).toList();
      if (inBoth.size() < kept.size()) {
        problem("text and HTML disagree on the note");
        if (!inBoth.isEmpty()) {
          kept = inBoth;
        }
      }
    }
    return Optional.of(String.join("\n\n", kept).strip()).filter(s -> !s.isEmpty());
  }

  void problem(String problem) {
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }

  List<String> problems() {
    return List.copyOf(problems);
  }
}
