/**
 * Chat templates (a small Jinja interpreter of our own), tool declarations in the prompt,
 * tool-call parsing whole and streaming, stop sequences. Depends on Jackson only; no Vert.x, no
 * kernels. Built by the chat-template issue; empty until then.
 */
package dev.gannet.prompts;
