/** JMH benchmarks of the policy engine; run by hand with {@code policies/bench/run-classify-bench.sh}. */
package io.doorman.policies.bench;
