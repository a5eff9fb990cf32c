package dev.gannet.runtime.models;

/**
 * {@code hf:OWNER/REPO/FILE.gguf}: a GGUF in a Hugging Face model repository, at the main branch.
 * FILE may sit in a folder of the repository ({@code hf:OWNER/REPO/q4/FILE.gguf}).
 */
public record HuggingFaceReference(String owner, String repository, String file) {
    public static final String PREFIX = "hf:";

    public static boolean matches(String reference) {
        return reference.startsWith(PREFIX);
    }

    public static HuggingFaceReference parse(String reference) {
        String body = reference.substring(PREFIX.length());
        String[] parts = body.split("/", 3);
        if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || !parts[2].endsWith(".gguf")
                || parts[2].contains("..") || body.contains("?") || body.contains("#")) {
            throw new ModelException("'" + reference + "' is not a Hugging Face reference: write hf:OWNER/REPO/FILE.gguf");
        }
        return new HuggingFaceReference(parts[0], parts[1], parts[2]);
    }

    /** The path below the site's root: {@code OWNER/REPO/resolve/main/FILE}. */
    public String resolvePath() {
        return owner + "/" + repository + "/resolve/main/" + file;
    }

    /** The name it is installed under: the file's name without folders and without .gguf. */
    public String installedName() {
        String base = file.substring(file.lastIndexOf('/') + 1);
        return ModelNames.check(base.substring(0, base.length() - ".gguf".length()));
    }

    @Override
    public String toString() {
        return PREFIX + owner + "/" + repository + "/" + file;
    }
}
