/**
 * The one web server: Jetty 12 wired in {@link io.doorman.http.WebServer}, bound to {@code
 * http.bind:http.port}, onto which the console, health, metrics and Slack's endpoint are mounted by
 * path.
 */
package io.doorman.http;
