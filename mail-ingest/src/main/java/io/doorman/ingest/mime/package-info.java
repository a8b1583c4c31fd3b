/** MIME: raw email bytes to decoded headers, text and HTML bodies, and attached messages. */
package io.doorman.ingest.mime;
