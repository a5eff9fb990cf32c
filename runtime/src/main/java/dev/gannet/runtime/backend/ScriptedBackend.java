package dev.gannet.runtime.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.stop.StopConditions;
import dev.gannet.prompts.system.SystemPrompts;
import dev.gannet.prompts.stop.StopStringMatcher;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test tooling, not a model: answers each request with the next canned completion from a JSONL file
 * ({@code --model script:FILE.jsonl}). Each line is a JSON string holding one completion's whole
 * text, so a completion may contain newlines. Past the last line every request fails with a
 * {@link BackendException}. The text is streamed in word-sized pieces (optionally paced, so
 * cancellation can be tested) and parsed for tool calls exactly as a real model's output is, so the
 * agent loop, the tools, the API and the benchmark harness can be tested deterministically.
 *
 * <p>The script is shared by every conversation: requests take lines in the order they arrive.
 * Token counts are pieces of text (words and the whitespace before them), not a tokenizer's.
 */
public final class ScriptedBackend implements ModelBackend {
    public static final String SCHEME = "script:";
    private static final Pattern PIECE = Pattern.compile("\\s*\\S+|\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final List<String> completions;
    private final Duration pause;
    private final AtomicInteger next = new AtomicInteger();

    public ScriptedBackend(String id, List<String> completions, Duration pauseBetweenPieces) {
        this.id = id;
        this.completions = List.copyOf(completions);
        this.pause = pauseBetweenPieces;
    }

    /** Reads a script file; every non-blank line must be a JSON string. */
    public static ScriptedBackend fromFile(Path file, Duration pauseBetweenPieces) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new BackendException("cannot read the script " + file + ": " + e.getMessage());
        }
        List<String> completions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            completions.add(parseLine(file, i + 1, line));
        }
        return new ScriptedBackend(SCHEME + file.getFileName(), completions, pauseBetweenPieces);
    }

    private static String parseLine(Path file, int lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BackendException(file + " line " + lineNumber + " is not JSON: "
                    + e.getOriginalMessage());
        }
        if (!node.isTextual()) {
            throw new BackendException(file + " line " + lineNumber
                    + " must be a JSON string (the completion's text), not " + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String toolUseSystemPrompt() {
        return SystemPrompts.toolUse(ToolCallFormat.AUTO);
    }

    /** How many completions have been handed out (or asked for past the end). */
    public int used() {
        return Math.min(next.get(), completions.size());
    }

    @Override
    public Completion complete(CompletionRequest request, CompletionListener listener) {
        int index = next.getAndIncrement();
        if (index >= completions.size()) {
            throw new BackendException("the script has no completion left (it has " + completions.size()
                    + ", this was request " + (index + 1) + ")");
        }
        String text = completions.get(index);
        List<dev.gannet.prompts.template.ToolDeclaration> tools =
                request.toolChoice() instanceof ToolChoice.None ? List.of() : request.tools();
        TurnParser turn = new TurnParser(ToolCallFormat.AUTO, tools, listener);
        StopStringMatcher stops = new StopConditions(Set.of(), request.settings().stop()).matcher();
        long start = System.nanoTime();
        int pieces = 0;
        Completion.FinishReason reason = Completion.FinishReason.STOP;
        Matcher matcher = PIECE.matcher(text);
        while (matcher.find()) {
            if (request.cancellation().isCancelled()) {
                reason = Completion.FinishReason.CANCELLED;
                break;
            }
            if (pieces == request.settings().maxTokens()) {
                reason = Completion.FinishReason.LENGTH;
                break;
            }
            pace(request.cancellation());
            pieces++;
            StopStringMatcher.Release step = stops.accept(matcher.group());
            turn.accept(step.text());
            if (step.stopped()) {
                break;
            }
        }
        if (reason == Completion.FinishReason.STOP) {
            turn.accept(stops.flush());
        }
        long nanos = System.nanoTime() - start;
        int promptPieces = countPieces(request);
        return turn.finish(reason, new Completion.Usage(promptPieces, 0, pieces, 0, nanos));
    }

    private void pace(Cancellation cancellation) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
        }
    }

    private static int countPieces(CompletionRequest request) {
        int count = 0;
        for (var message : request.messages()) {
            if (message.content() != null) {
                Matcher m = PIECE.matcher(message.content());
                while (m.find()) {
                    count++;
                }
            }
        }
        return count;
    }
}
