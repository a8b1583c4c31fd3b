package io.doorman.ingest.dkim;

import java.io.IOException;
import java.util.Optional;

/** Finds the public-key record of a DKIM selector: the TXT record of selector._domainkey.domain. */
public interface DkimKeyLookup {

  /**
   * The record text (e.g. {@code v=DKIM1; k=rsa; p=MIGf…}), or empty when there is none.
   *
   * @throws IOException when the lookup could not be done (a temporary error, not an answer)
   */
  Optional<String> keyRecord(String selector, String domain) throws IOException;
}
