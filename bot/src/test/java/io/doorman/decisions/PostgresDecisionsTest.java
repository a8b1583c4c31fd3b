package io.doorman.decisions;

import io.doorman.store.Database;
import io.doorman.store.TestPostgres;

/** The decision service on a real PostgreSQL server, as a team runs it: races between nodes are real. */
class PostgresDecisionsTest extends DecisionsContractTest {

  private String url;

  @Override
  Database freshDatabase() {
    url = TestPostgres.freshUrl();
    return TestPostgres.open(url);
  }

  @Override
  Database sameDatabaseAgain() {
    return TestPostgres.open(url);
  }
}
