package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.template.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt cache on disk, through the engine backend on a fixture model: a second process (a second
 * backend) reads the shared system prompt back instead of evaluating it, and answers exactly as
 * without the cache; broken files, other models' files and a full directory are handled without
 * failing a turn.
 */
class PromptCacheTest {
    private static final Path MODEL = BackendFixtures.model("llama-s7-q8_0.gguf");
    private static final String SYSTEM = "You are a careful assistant for a small code base. ".repeat(12);

    @TempDir
    Path temp;

    private static EngineOptions options(Path cacheDirectory, long bytes) {
        return EngineOptions.defaults().withThreads(1).withContextSize(512).withPromptCache(cacheDirectory, bytes);
    }

    private static Completion ask(EngineBackend backend, String question) {
        List<ChatMessage> messages = List.of(ChatMessage.system(SYSTEM), ChatMessage.user(question));
        return backend.complete(CompletionRequest.of(messages, List.of(), GenerationSettings.greedy().withMaxTokens(12)),
                CompletionListener.IGNORE);
    }

    private static String withoutCache(String question) {
        try (EngineBackend plain = EngineBackend.open(MODEL, options(null, 0))) {
            return ask(plain, question).rawText();
        }
    }

    private List<Path> savedFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".kv")).toList();
        }
    }

    @Test
    void aSecondProcessReadsTheSharedPromptBackAndAnswersTheSame() throws IOException {
        Path cache = temp.resolve("prompt-cache");
        try (EngineBackend first = EngineBackend.open(MODEL, options(cache, 1 << 30))) {
            Completion cold = ask(first, "Which file defines main?");
            assertEquals(0, cold.usage().cachedPromptTokens());
            assertTrue(cold.usage().promptTokens() >= PromptCache.MIN_SAVED, "prompt too short to be saved");
        }
        assertEquals(1, savedFiles(cache).size());

        try (EngineBackend second = EngineBackend.open(MODEL, options(cache, 1 << 30))) {
            Completion warm = ask(second, "What does the parser return?");
            assertTrue(warm.usage().cachedPromptTokens() >= PromptCache.MIN_SHARED,
                    "the system prompt came from disk: " + warm.usage());
            assertTrue(warm.usage().cachedPromptTokens() < warm.usage().promptTokens());
            assertEquals(withoutCache("What does the parser return?"), warm.rawText());
        }
        assertEquals(1, savedFiles(cache).size(), "a warm start saves nothing new");
    }

    @Test
    void brokenFilesAndOtherModelsFilesArePassedOver() throws IOException {
        Path cache = temp.resolve("prompt-cache");
        try (EngineBackend first = EngineBackend.open(MODEL, options(cache, 1 << 30))) {
            ask(first, "Which file defines main?");
        }
        Path saved = savedFiles(cache).getFirst();
        byte[] bytes = Files.readAllBytes(saved);
        // Cut inside the keys and values: the header still matches, the read fails half way.
        Files.write(saved, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        try (EngineBackend second = EngineBackend.open(MODEL, options(cache, 1 << 30))) {
            Completion turn = ask(second, "What does the parser return?");
            assertEquals(0, turn.usage().cachedPromptTokens());
            assertEquals(withoutCache("What does the parser return?"), turn.rawText());
        }
        assertTrue(Files.notExists(saved), "the broken file is deleted");

        // The same bytes under another file: another fingerprint, so nothing saved for it is used.
        Path copy = Files.copy(MODEL, temp.resolve("copy.gguf"));
        Path other = temp.resolve("other-cache");
        try (EngineBackend first = EngineBackend.open(MODEL, options(other, 1 << 30))) {
            ask(first, "Which file defines main?");
        }
        try (EngineBackend stranger = EngineBackend.open(copy, options(other, 1 << 30))) {
            assertEquals(0, ask(stranger, "What does the parser return?").usage().cachedPromptTokens());
        }
    }

    @Test
    void theLeastRecentlyUsedFilesGoWhenTheDirectoryIsFull() throws IOException, InterruptedException {
        Path cache = temp.resolve("prompt-cache");
        long oneFile;
        try (EngineBackend backend = EngineBackend.open(MODEL, options(cache, 1 << 30))) {
            ask(backend, "Which file defines main?");
            oneFile = Files.size(savedFiles(cache).getFirst());
        }
        // Room for one file: a prompt that shares nothing with the first replaces it.
        try (EngineBackend backend = EngineBackend.open(MODEL, options(cache, oneFile + oneFile / 2))) {
            List<ChatMessage> messages = List.of(ChatMessage.system("Answer in French. ".repeat(30)),
                    ChatMessage.user("Bonjour"));
            backend.complete(CompletionRequest.of(messages, List.of(), GenerationSettings.greedy().withMaxTokens(4)),
                    CompletionListener.IGNORE);
        }
        List<Path> left = savedFiles(cache);
        assertEquals(1, left.size());
        try (EngineBackend backend = EngineBackend.open(MODEL, options(cache, 1 << 30))) {
            assertEquals(0, ask(backend, "What does the parser return?").usage().cachedPromptTokens(),
                    "the first prompt's file was the older one, and is gone");
        }
    }
}
