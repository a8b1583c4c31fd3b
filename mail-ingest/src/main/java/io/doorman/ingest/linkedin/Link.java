package io.doorman.ingest.linkedin;

/** A labelled link of a notification ("Accept: https://…"); the label may be empty. */
record Link(String label, String url, LinkRole role) {}
