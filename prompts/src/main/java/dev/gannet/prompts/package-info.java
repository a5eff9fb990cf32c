/**
 * Chat templates (a small Jinja interpreter of our own in {@code jinja}, chat rendering and built-in
 * templates in {@code template}), tool declarations in the prompt, tool-call parsing whole and
 * streaming, stop sequences. Depends on Jackson only; no Vert.x, no kernels.
 */
package dev.gannet.prompts;
