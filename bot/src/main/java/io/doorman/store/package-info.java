/**
 * What Doorman remembers: invitations, the messages that answer them and an append-only audit log,
 * in H2 (a file under {@code ./data}, the default) or PostgreSQL, with versioned migrations.
 */
package io.doorman.store;
