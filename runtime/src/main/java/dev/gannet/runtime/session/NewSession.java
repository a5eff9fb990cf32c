package dev.gannet.runtime.session;

/**
 * @param model     the model's id
 * @param workspace the workspace directory the tools work in (absolute)
 * @param mode      the tool mode ({@code read-only} or {@code workspace-write})
 * @param title     the first task, shortened, to recognise the session by in lists
 */
public record NewSession(String model, String workspace, String mode, String title) {
}
