package io.doorman.ingest.linkedin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names the member may go by in a notification, best first: the From display name when
 * LinkedIn sent the mail ("Jane Doe via LinkedIn"), the name in the subject, in a label that names
 * them ("View Jane Doe's profile") and in LinkedIn's headings ("Jane Doe wants to connect").
 */
final class SenderNames {

  /** "Jane Doe via LinkedIn", "Jane Doe über LinkedIn", "Jane Doe a través de LinkedIn", … */
  private static final Pattern VIA =
      Pattern.compile("(?iu)\\s+(?:via|über|par|a través de|vía|por meio do|pelo|tramite|door|melalui|\\p{Ll}{2,12})\\s+LinkedIn$");
  private static final Pattern REPLY_PREFIX =
      Pattern.compile("(?iu)^(?:(?:re|fwd?|aw|wg|tr|rv|r|sv|vs|doorst|fw|enc)\\s*:\\s*)+");

  private SenderNames() {}

  static List<String> of(Original o, List<Line> content) {
    List<String> names = new ArrayList<>();
    if (Marks.claimsLinkedIn(o)) {
      o.fromName()
          .map(n -> VIA.matcher(n.strip()).replaceFirst("").strip())
          .filter(n -> !n.equalsIgnoreCase("LinkedIn") && !n.isBlank() && !n.toLowerCase().contains("linkedin"))
          .ifPresent(names::add);
    }
    TemplateText.nameIn(withoutReplyPrefix(o.subject())).ifPresent(n -> addNew(names, n));
    int headings = 0;
    for (Line line : content) {
      if (line.isLink()) {
        line.link().flatMap(l -> TemplateText.nameInProfileLabel(l.label())).ifPresent(n -> addNew(names, n));
      } else if (!line.isBlank() && headings++ < 8) {
        TemplateText.nameIn(line.text()).ifPresent(n -> addNew(names, n));
      }
    }
    return names;
  }

  static String withoutReplyPrefix(String subject) {
    return REPLY_PREFIX.matcher(subject.strip()).replaceFirst("");
  }

  private static void addNew(List<String> names, String name) {
    String n = name.strip();
    if (!n.isEmpty() && names.stream().noneMatch(x -> x.equalsIgnoreCase(n))) {
      names.add(n);
    }
  }
}
