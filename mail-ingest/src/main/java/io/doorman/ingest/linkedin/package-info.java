/**
 * LinkedIn's notification templates: which kind an email is, in which language and template
 * generation, and the sender, headline, mutual connections, note and links it carries.
 */
package io.doorman.ingest.linkedin;
