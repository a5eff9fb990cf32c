/**
 * The small interfaces through which the agent loop reports what it did (tool calls and their
 * outcomes), implemented by the server's Prometheus metrics.
 */
package dev.gannet.runtime.metrics;
