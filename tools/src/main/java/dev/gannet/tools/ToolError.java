package dev.gannet.tools;

/**
 * Why a tool call failed, as a stable code clients can branch on. The result's text explains the
 * particular case to the model; the code names the kind.
 */
public enum ToolError {
    UNKNOWN_TOOL("unknown_tool"),
    INVALID_ARGUMENTS("invalid_arguments"),
    NOT_ALLOWED_IN_MODE("not_allowed_in_mode"),
    PATH_REFUSED("path_refused"),
    NOT_FOUND("not_found"),
    WRONG_FILE_TYPE("wrong_file_type"),
    BINARY_FILE("binary_file"),
    INVALID_PATTERN("invalid_pattern"),
    EDIT_NOT_APPLICABLE("edit_not_applicable"),
    SANDBOX_UNAVAILABLE("sandbox_unavailable"),
    TIMED_OUT("timed_out"),
    OUTPUT_LIMIT("output_limit"),
    IO_ERROR("io_error"),
    INTERNAL("internal");

    private final String code;

    ToolError(String code) {
        this.code = code;
    }

    /** The code written into results: lower case, underscores. */
    public String code() {
        return code;
    }
}
