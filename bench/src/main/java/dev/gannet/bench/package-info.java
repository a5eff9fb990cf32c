/**
 * Benchmark suites, runners and reports. {@code speed}: the engine's prefill and decode speed on a
 * model ({@code gannet bench speed}); {@code jmh}: JMH benchmarks of the kernels
 * ({@code gannet bench kernels}); {@code cli}: the {@code gannet bench} commands, added to the CLI as
 * a {@link dev.gannet.runtime.cli.CliExtension}. Depends on runtime.
 */
package dev.gannet.bench;
