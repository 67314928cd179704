/** Bench: a deterministic, streaming generator of kernel-list-shaped mbox archives for benchmarks and load tests. */
package org.patchlane.bench;
