/**
 * The agent loop: a conversation, the model's steps and the tools it calls, with the guards that
 * keep a small model from looping, and the events every client sees.
 */
package dev.gannet.runtime.agent;
