/**
 * The life of one invitation: its states, the transitions allowed between them (all in {@link
 * io.doorman.lifecycle.State}), who may cause them and through which channel.
 */
package io.doorman.lifecycle;
