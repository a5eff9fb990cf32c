package dev.gannet.runtime.session;

/**
 * One tool run: the call as the model made it and the result it got back.
 *
 * @param callId    the call's id (as in the conversation's tool messages)
 * @param arguments the call's arguments as JSON text
 */
public record ToolRun(String callId, String name, String arguments, boolean ok, String output, boolean truncated,
                      long ms) {
}
