/**
 * Models on this machine: the store under the data directory (each GGUF beside a small JSON
 * manifest), the catalog of models Gannet knows how to fetch with their recorded SHA-256, pulling
 * (pip for the catalog, resumable HTTP for Hugging Face), the resolver that turns what a user typed
 * into a local GGUF path, the default-with-fallback opener, and the registry's description of each
 * installed model. Library code here never prints: progress and warnings go through callbacks.
 */
package dev.gannet.runtime.models;
