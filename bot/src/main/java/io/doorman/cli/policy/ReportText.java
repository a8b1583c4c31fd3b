package io.doorman.cli.policy;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.engine.Evaluation;
import java.io.PrintWriter;
import java.util.Locale;

/** Shadow mode's report as text: agreement, the two confusion matrices, misfires, disagreements. */
final class ReportText {

  private final PrintWriter out;
  private final int limit;

  ReportText(PrintWriter out, int limit) {
    this.out = out;
    this.limit = limit;
  }

  void print(String what, Evaluation.Report r) {
    out.println("evaluated " + r.cases() + " invitations: " + what);
    out.println("agreement: category " + share(r.categoryRight(), r.categoryTotal())
        + ", action " + share(r.actionRight(), r.actionTotal()));
    out.println();
    String[] categories = new String[Category.values().length];
    for (Category c : Category.values()) {
      categories[c.ordinal()] = c.wireName();
    }
    String[] actions = new String[Action.values().length];
    for (Action a : Action.values()) {
      actions[a.ordinal()] = a.wireName();
    }
    matrix("category", categories, r.categories());
    matrix("action", actions, r.actions());
    out.println("rules that misfire most (pushed towards the policy's side of a disagreement):");
    if (r.misfires().isEmpty()) {
      out.println("  none");
    }
    for (Evaluation.Misfire m : r.misfires()) {
      out.printf(Locale.ROOT, "  %-28s %d%n", m.ruleId(), m.disagreements());
    }
    out.println();
    out.println("disagreements, most confident first:");
    if (r.disagreements().isEmpty()) {
      out.println("  none");
    }
    int shown = 0;
    for (Evaluation.Disagreement d : r.disagreements()) {
      if (shown++ == limit) {
        out.println("  … and " + (r.disagreements().size() - limit) + " more (--limit)");
        break;
      }
      out.println("  " + d.id() + ": labelled " + d.labelledCategory().map(Category::wireName)
          .orElse("-") + " / " + d.labelledAction().map(Action::wireName).orElse("-")
          + ", policy " + d.category().wireName() + " / " + d.action().wireName()
          + " (by " + d.margin() + " points)");
      for (String reason : d.reasons()) {
        out.println("      " + reason);
      }
    }
  }

  private void matrix(String what, String[] names, int[][] m) {
    boolean any = false;
    for (int[] row : m) {
      for (int v : row) {
        any |= v != 0;
      }
    }
    out.println("confusion by " + what + " (rows: labelled, columns: the policy's)"
        + (any ? "" : ": nothing labelled"));
    if (!any) {
      out.println();
      return;
    }
    int width = 6;
    for (String n : names) {
      width = Math.max(width, n.length());
    }
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", ""));
    for (String n : names) {
      head.append(String.format(Locale.ROOT, " %" + n.length() + "s", n));
    }
    out.println(head);
    for (int i = 0; i < names.length; i++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s",
          names[i]));
      for (int j = 0; j < names.length; j++) {
        row.append(String.format(Locale.ROOT, " %" + names[j].length() + "d", m[i][j]));
      }
      out.println(row);
    }
    out.println();
  }

  private static String share(int right, int total) {
    return total == 0 ? "n/a (nothing labelled)"
        : String.format(Locale.ROOT, "%.3f (%d of %d)", right / (double) total, right, total);
  }
}
