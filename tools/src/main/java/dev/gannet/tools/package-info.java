/**
 * The Tool contract and the built-in tools, with their sandbox and path policy. Depends on Jackson
 * only.
 *
 * <ul>
 * <li>{@code dev.gannet.tools}: the contract ({@link dev.gannet.tools.Tool}, {@link dev.gannet.tools.ToolResult},
 *     {@link dev.gannet.tools.ToolContext}, {@link dev.gannet.tools.ToolRegistry}) and the base class that validates
 *     arguments and times calls.
 * <li>{@code .schema}: the JSON Schema subset tool arguments are validated against.
 * <li>{@code .path}: resolving paths from calls inside the workspace; atomic writes.
 * <li>{@code .ignore}, {@code .walk}: .gitignore rules and the directory walk grep and list_files share.
 * <li>{@code .grep}: the search engine behind the grep tool.
 * <li>{@code .text}: binary detection, decoding, output budgets.
 * <li>{@code .sandbox}: running commands under bubblewrap with resource limits.
 * <li>{@code .builtin}: grep, read_file, list_files, run_command, write_file, edit_file.
 * </ul>
 */
package dev.gannet.tools;
