package io.doorman.ingest.linkedin;

import java.util.Objects;

/**
 * A labelled link of a notification ("Accept: https://…"); the label may be empty. Its role is
 * read from the link before its label; what its tracking parameters say is read when first asked
 * (a footer link's path says enough, and footers hold most of a notification's links).
 */
final class Link {

  private final String label;
  private final String url;
  private final Url parts;
  private final LinkRole role;
  private Tracking tracking;

  private Link(String label, String url) {
    this.label = label;
    this.url = url;
    this.parts = Url.of(url);
    this.role = LinkRoles.of(parts, this::tracking, label);
  }

  /** The link with its role read. */
  static Link of(String label, String url) {
    return new Link(label, url);
  }

  String label() {
    return label;
  }

  String url() {
    return url;
  }

  LinkRole role() {
    return role;
  }

  /** What LinkedIn's tracking parameters on the link say. */
  Tracking tracking() {
    if (tracking == null) {
      tracking = Tracking.of(parts);
    }
    return tracking;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Link l && l.label.equals(label) && l.url.equals(url) && l.role == role;
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, url, role);
  }

  @Override
  public String toString() {
    return "Link[" + label + ", " + url + ", " + role + "]";
  }
}
