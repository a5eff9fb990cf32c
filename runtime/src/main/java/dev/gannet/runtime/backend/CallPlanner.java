package dev.gannet.runtime.backend;

import dev.gannet.prompts.grammar.TokenMasker;
import dev.gannet.prompts.grammar.ToolCallGrammar;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides how a turn's tool calls are constrained, and keeps the token maskers (each caches the masks
 * of the grammar states it has seen) for the tool lists recently offered, since an agent offers the
 * same tools turn after turn.
 *
 * <ul>
 *   <li>tool_choice none, or no tools: nothing is constrained;</li>
 *   <li>auto: calls are constrained once begun when the request asks for constrained calls and the
 *       schemas are within the grammar; otherwise the model writes freely and the parser judges;</li>
 *   <li>required or named: the turn begins with the format's call trigger and the call is always
 *       constrained (to the named tool for named) — that is the only way to guarantee a call.</li>
 * </ul>
 */
final class CallPlanner {
    private static final int MASKERS_KEPT = 8;

    private record Key(ToolCallFormat format, List<ToolDeclaration> tools) {
    }

    private record Grammar(ToolCallGrammar grammar, TokenMasker masker) {
    }

    private final EngineVocabulary vocabulary;
    private final ToolCallFormat format;
    private final Map<Key, Grammar> maskers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Grammar> eldest) {
            return size() > MASKERS_KEPT;
        }
    };

    /** A trigger's text → the tokens that spell it */
    private final Map<String, int[]> triggers = new HashMap<>();

    CallPlanner(EngineVocabulary vocabulary, ToolCallFormat format) {
        this.vocabulary = vocabulary;
        this.format = format;
    }

    /** The plan for a request; empty when the model writes freely. */
    Optional<CallPlan> plan(CompletionRequest request) {
        List<ToolDeclaration> tools = request.tools();
        ToolChoice choice = request.toolChoice();
        if (choice instanceof ToolChoice.None || tools.isEmpty()) {
            return Optional.empty();
        }
        boolean forced = choice instanceof ToolChoice.Required || choice instanceof ToolChoice.Named;
        if (!forced && !request.settings().constrainedCalls()) {
            return Optional.empty();
        }
        List<ToolDeclaration> allowed = choice instanceof ToolChoice.Named named ? named(tools, named.name()) : tools;
        Grammar grammar;
        try {
            grammar = grammar(allowed);
        } catch (IllegalArgumentException e) {
            if (forced) {
                throw new BackendException("tool_choice " + describe(choice) + " cannot be enforced: " + e.getMessage());
            }
            return Optional.empty(); // beyond the grammar: the parser still checks what the model writes
        }
        int[] forcedTokens = forced ? triggerTokens(grammar.grammar().triggerTexts().getFirst()) : new int[0];
        return Optional.of(new CallPlan(grammar.masker().newConstraint(), forcedTokens));
    }

    private synchronized Grammar grammar(List<ToolDeclaration> tools) {
        Key key = new Key(format, tools);
        Grammar grammar = maskers.get(key);
        if (grammar == null) {
            ToolCallGrammar calls = ToolCallGrammar.of(format, TurnParser.declared(tools));
            grammar = new Grammar(calls, TokenMasker.of(calls, vocabulary.grammarView()));
            maskers.put(key, grammar);
        }
        return grammar;
    }

    /**
     * Tokens that spell the grammar's first trigger ({@code <tool_call>} for Hermes) exactly, longest
     * token first. Not the tokenizer's encoding: a SentencePiece tokenizer would put a space in front.
     */
    private synchronized int[] triggerTokens(String trigger) {
        return triggers.computeIfAbsent(trigger, this::spell);
    }

    private int[] spell(String text) {
        List<Integer> ids = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int best = -1;
            int bestLength = 0;
            for (int id = 0; id < vocabulary.size(); id++) {
                String piece = vocabulary.text(id);
                if (piece.length() > bestLength && text.startsWith(piece, position)) {
                    best = id;
                    bestLength = piece.length();
                }
            }
            if (best < 0) {
                throw new BackendException("this model's vocabulary cannot write the call marker " + text
                        + ", so a tool call cannot be forced");
            }
            ids.add(best);
            position += bestLength;
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<ToolDeclaration> named(List<ToolDeclaration> tools, String name) {
        for (ToolDeclaration tool : tools) {
            if (tool.name().equals(name)) {
                return List.of(tool);
            }
        }
        throw new BackendException("tool_choice names the tool '" + name + "', which is not among the tools offered ("
                + String.join(", ", tools.stream().map(ToolDeclaration::name).toList()) + ")");
    }

    private static String describe(ToolChoice choice) {
        return choice instanceof ToolChoice.Named named ? "'" + named.name() + "'" : "required";
    }
}
