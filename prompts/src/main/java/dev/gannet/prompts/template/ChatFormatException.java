package dev.gannet.prompts.template;

/** JSON that is not a conversation or tool list in the OpenAI chat format; the message says where. */
public final class ChatFormatException extends RuntimeException {
    public ChatFormatException(String message) {
        super(message);
    }

    public ChatFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
