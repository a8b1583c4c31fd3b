/** The Slack side of Doorman: request verification, Block Kit cards (the app itself is to come). */
package io.doorman.slack;
