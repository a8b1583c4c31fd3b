package io.doorman.console;

import io.doorman.lifecycle.State;
import java.util.Optional;

/** The console's tabs: one per state a person looks at (NEW never lasts). */
enum Tab {
  PENDING("pending", "Pending", State.PENDING),
  ASKED("asked", "Asked", State.ASKED),
  FOLLOW_UP("follow-up", "Follow-up", State.FOLLOW_UP),
  ANSWERED("answered", "Answered", State.ANSWERED),
  ACCEPTED("accepted", "Accepted", State.ACCEPTED),
  DECLINED("declined", "Declined", State.DECLINED);

  final String slug;
  final String title;
  final State state;

  Tab(String slug, String title, State state) {
    this.slug = slug;
    this.title = title;
    this.state = state;
  }

  static Optional<Tab> bySlug(String slug) {
    for (Tab t : values()) {
      if (t.slug.equals(slug)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static Tab of(State state) {
    for (Tab t : values()) {
      if (t.state == state) {
        return t;
      }
    }
    return PENDING;
  }
}
