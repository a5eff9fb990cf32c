/**
 * Constrained tool calls: a character-level pushdown automaton compiled from the declared tools'
 * JSON schemas ({@link dev.gannet.prompts.grammar.ToolCallGrammar}), turned into a mask over the
 * vocabulary per step ({@link dev.gannet.prompts.grammar.TokenMasker}), applied lazily from the
 * moment the model writes a trigger ({@link dev.gannet.prompts.grammar.ToolCallConstraint}). The
 * vocabulary comes in as token texts ({@link dev.gannet.prompts.grammar.TokenVocabulary}): this
 * module never sees a tokenizer.
 */
package dev.gannet.prompts.grammar;
