/**
 * The Tool contract, the built-in tools (grep, read_file, list_files, run_command, write/edit) and
 * their sandbox and path policy. Depends on Jackson only. Built by the tools issue; empty until then.
 */
package dev.gannet.tools;
