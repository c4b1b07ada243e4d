/**
 * Benchmarks for Tributary: a load generator, fake remote peers on loopback and one class per
 * benchmark, each run against real node processes started by the node's start script,
 * {@code node/target/tributary}.
 * {@link org.tributary.bench.BenchMain} runs them and prints the results table.
 */
package org.tributary.bench;
