package dev.gannet.prompts.template;

import dev.gannet.prompts.jinja.Template;
import dev.gannet.prompts.jinja.TemplateException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model's chat template: turns a conversation in the OpenAI chat format, plus tool declarations, into
 * the prompt text, exactly as Hugging Face's {@code tokenizer.apply_chat_template(…, tokenize=False)}
 * would. Immutable and safe to share; parse once per model.
 *
 * <pre>{@code
 * ChatTemplate template = ChatTemplate.parse("qwen2.5", ggufChatTemplate);
 * String prompt = template.render(List.of(ChatMessage.user("Hi")), List.of(), true, "", "<|im_end|>", Map.of());
 * }</pre>
 */
public final class ChatTemplate {
    private static final List<String> RESERVED = List.of("messages", "tools", "add_generation_prompt", "bos_token", "eos_token");

    private final String name;
    private final Template template;
    private final Map<String, Object> variables;
    private final ToolArgumentsStyle argumentsStyle;
    private final Clock clock;

    private ChatTemplate(String name, Template template, Map<String, Object> variables, ToolArgumentsStyle argumentsStyle,
                         Clock clock) {
        this.name = name;
        this.template = template;
        this.variables = variables;
        this.argumentsStyle = argumentsStyle;
        this.clock = clock;
    }

    /**
     * Parses a template's Jinja source; {@code name} (a model, a file) appears in every error.
     *
     * @throws ChatTemplateException when the source is not valid Jinja in this interpreter's dialect
     */
    public static ChatTemplate parse(String name, String source) {
        Objects.requireNonNull(source, "source");
        Template template;
        try {
            template = Template.parse(name, source);
        } catch (TemplateException e) {
            throw new ChatTemplateException(name, e);
        }
        return new ChatTemplate(name, template, Map.of(), ToolArgumentsProbe.probe(template, Map.of()),
                Clock.systemDefaultZone());
    }

    public String name() {
        return name;
    }

    /** Whether this template is given tool-call arguments as an object or as JSON text. */
    public ToolArgumentsStyle argumentsStyle() {
        return argumentsStyle;
    }

    /** The same template with {@code strftime_now} reading {@code clock} (tests fix the date with it). */
    public ChatTemplate withClock(Clock clock) {
        return new ChatTemplate(name, template, variables, argumentsStyle, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The same template with variables every rendering gets, for templates that need more than the
     * conversation (Firefunction's {@code functions} and {@code datetime}, a default {@code date_string}).
     * Render-time extra variables win over these.
     */
    public ChatTemplate withVariables(Map<String, ?> defaults) {
        Map<String, Object> merged = new HashMap<>(variables);
        merged.putAll(checkedExtras(defaults));
        Map<String, Object> frozen = java.util.Collections.unmodifiableMap(merged);
        return new ChatTemplate(name, template, frozen, ToolArgumentsProbe.probe(template, frozen), clock);
    }

    private static Map<String, ?> checkedExtras(Map<String, ?> extras) {
        for (String reserved : RESERVED) {
            if (extras.containsKey(reserved)) {
                throw new IllegalArgumentException("extra variable '" + reserved + "' would replace a chat template argument");
            }
        }
        return extras;
    }

    /** {@link #render(List, List, boolean, String, String, Map)} without extra variables. */
    public String render(List<ChatMessage> messages, List<ToolDeclaration> tools, boolean addGenerationPrompt,
                         String bosToken, String eosToken) {
        return render(messages, tools, addGenerationPrompt, bosToken, eosToken, Map.of());
    }

    /**
     * Renders the prompt.
     *
     * @param messages            the conversation, oldest first
     * @param tools               the tools the model may call; null or empty means none (the template sees None)
     * @param addGenerationPrompt whether to end with the header of the assistant's next turn
     * @param bosToken            the model's beginning-of-sequence text, as {@code bos_token}
     * @param eosToken            the model's end-of-sequence text, as {@code eos_token}
     * @param extraVariables      further template variables ({@code enable_thinking}, {@code date_string}, …);
     *                            they may not replace the ones above
     * @throws ChatTemplateException when the template refuses the conversation or fails on it
     */
    public String render(List<ChatMessage> messages, List<ToolDeclaration> tools, boolean addGenerationPrompt,
                         String bosToken, String eosToken, Map<String, ?> extraVariables) {
        Map<String, Object> variables = new HashMap<>(this.variables);
        variables.putAll(checkedExtras(extraVariables));
        variables.put("messages", ConversationValues.messages(messages, argumentsStyle));
        variables.put("tools", ConversationValues.tools(tools));
        variables.putIfAbsent("documents", null);
        variables.put("add_generation_prompt", addGenerationPrompt);
        variables.put("bos_token", bosToken);
        variables.put("eos_token", eosToken);
        try {
            return template.render(variables, clock);
        } catch (TemplateException e) {
            throw new ChatTemplateException(name, e);
        }
    }

    @Override
    public String toString() {
        return "ChatTemplate[" + name + "]";
    }
}
