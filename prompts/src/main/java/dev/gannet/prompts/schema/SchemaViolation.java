package dev.gannet.prompts.schema;

/**
 * One way a JSON value breaks its schema.
 *
 * @param path    where, as property names and indices from the root ({@code options.depth},
 *                {@code files[2]}); empty for the root itself
 * @param problem what is wrong, written to complete a sentence that starts with the path
 *                ({@code "must be an integer (got \"ten\")"})
 */
public record SchemaViolation(String path, String problem) {

    /** The violation as one readable phrase: {@code 'limit' must be an integer (got "ten")}. */
    public String describe() {
        return (path.isEmpty() ? "the value" : "'" + path + "'") + " " + problem;
    }
}
