/**
 * Whether a notification really came from LinkedIn: the original's sender domain, where its links
 * go, and (when the original carries one) its DKIM signature.
 */
package io.doorman.ingest.authenticity;
