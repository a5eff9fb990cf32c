/**
 * When a generation stops: the model's end tokens, the template's and the user's stop strings,
 * merged ({@link dev.gannet.prompts.stop.StopConditions}), and stop strings found across token
 * boundaries without ever emitting them ({@link dev.gannet.prompts.stop.StopStringMatcher}).
 */
package dev.gannet.prompts.stop;
