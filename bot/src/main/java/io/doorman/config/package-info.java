/**
 * Configuration: the catalog of every setting ({@link io.doorman.config.Settings}), read from the
 * environment and an optional properties file with where each value came from ({@link
 * io.doorman.config.Configuration}), and the explanation {@code doorman config check} prints.
 * Components read values by file key through {@link io.doorman.config.Configuration#lookup()}, so
 * they never touch the environment themselves and tests pass a map.
 */
package io.doorman.config;
