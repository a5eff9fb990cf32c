/**
 * Chat rendering: a conversation in the OpenAI chat format ({@link dev.gannet.prompts.template.ChatMessage},
 * {@link dev.gannet.prompts.template.ToolCall}, {@link dev.gannet.prompts.template.ToolDeclaration}, read
 * from JSON by {@link dev.gannet.prompts.template.ChatJson}) turned into a prompt by a model's
 * {@link dev.gannet.prompts.template.ChatTemplate}, as Hugging Face's {@code apply_chat_template} does.
 * {@link dev.gannet.prompts.template.BuiltinTemplates} holds Gannet's own templates per
 * {@link dev.gannet.prompts.template.TemplateFamily} for GGUF files without one, and
 * {@link dev.gannet.prompts.template.TemplateFamilies} guesses the family from plain metadata values.
 */
package dev.gannet.prompts.template;
