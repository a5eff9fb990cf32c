/**
 * Model backends: one interface ({@link dev.gannet.runtime.backend.ModelBackend}) for "messages in,
 * an assistant turn out", with Gannet's engine, remote OpenAI-compatible servers and a scripted model
 * behind it.
 */
package dev.gannet.runtime.backend;
