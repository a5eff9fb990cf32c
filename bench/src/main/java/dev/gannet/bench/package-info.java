/**
 * Benchmark suites, runners and reports (tool-vs-direct discrimination, speed). Depends on runtime.
 * Built by the benchmark issues; empty until then.
 */
package dev.gannet.bench;
