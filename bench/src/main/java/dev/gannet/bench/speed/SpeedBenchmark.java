package dev.gannet.bench.speed;

import dev.gannet.bench.discrimination.AdapterSpec;
import dev.gannet.kernels.lora.LoraAdapter;
import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.model.ForwardProfile;
import dev.gannet.kernels.model.InferenceSession;
import dev.gannet.kernels.model.KvCacheType;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The speed benchmark in-process: load the model (timed), build the prompt, open one session and
 * time prefill and greedy decode over several runs (see {@link SpeedRun}).
 */
public final class SpeedBenchmark {

    /**
     * What to run.
     *
     * @param model        GGUF file
     * @param threads      compute threads, at least 1
     * @param promptTokens prompt length
     * @param promptIds    the prompt's token ids (at least {@code promptTokens}; the first are used), or
     *                     null for {@link PromptTokens#fromText} of the model's tokenizer
     * @param generate     decode steps per run
     * @param context      KV cache positions, at least {@code promptTokens + generate}
     * @param kvType       how the KV cache stores keys and values
     * @param warmUps      unmeasured runs first
     * @param runs         measured runs
     * @param adapters     LoRA adapters applied at run time (empty: the plain model)
     * @param profile      whether to time the steps of the measured decode passes ({@link ForwardProfile})
     */
    public record Settings(Path model, int threads, int promptTokens, int[] promptIds, int generate, int context,
                           KvCacheType kvType, int warmUps, int runs, List<AdapterSpec> adapters, boolean profile) {
        public Settings {
            adapters = List.copyOf(adapters);
        }
    }

    private SpeedBenchmark() {
    }

    public static SpeedReport run(Settings settings, SpeedRun.Progress progress) {
        long fileBytes = fileSize(settings.model());
        List<ScaledLora> adapters = new ArrayList<>();
        for (AdapterSpec adapter : settings.adapters()) {
            fileBytes += fileSize(adapter.file());
            adapters.add(LoraAdapter.read(adapter.file()).scaled(adapter.scale()));
        }
        long loadStart = System.nanoTime();
        // The load time covers attaching the adapters, as the discrimination report's does.
        try (Model model = Model.load(settings.model()).withAdapters(adapters);
             ThreadTeam team = new ThreadTeam(settings.threads())) {
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            int[] prompt = settings.promptIds() != null
                    ? java.util.Arrays.copyOf(settings.promptIds(), settings.promptTokens())
                    : PromptTokens.fromText(model.tokenizer(), settings.promptTokens());
            if (settings.context() > model.config().contextLength()) {
                throw new IllegalArgumentException("a context of " + settings.context() + " tokens is asked for; "
                        + settings.model() + " holds at most " + model.config().contextLength());
            }
            InferenceSession session = model.newSession(team, settings.context(), settings.kvType());
            ForwardProfile profile = settings.profile() ? new ForwardProfile() : null;
            List<RunTiming> runs = SpeedRun.measure(session, prompt, settings.generate(), settings.warmUps(),
                    settings.runs(), profile, progress);
            return new SpeedReport(settings.model(), settings.adapters(), fileBytes, model.architecture().name(),
                    tensorTypes(model.file().tensors()), weightBytes(model.file().tensors()), settings.threads(),
                    session.contextSize(), session.kvType().label(), prompt.length, settings.generate(), settings.warmUps(), loadSeconds, runs,
                    ProcessMemory.peakResidentBytes(), profile == null ? Map.of() : perToken(profile));
        }
    }

    /** Seconds per decode step spent in each step of the pass. */
    private static Map<ForwardProfile.Step, Double> perToken(ForwardProfile profile) {
        Map<ForwardProfile.Step, Double> perToken = new EnumMap<>(ForwardProfile.Step.class);
        profile.seconds().forEach((step, seconds) -> perToken.put(step, seconds / Math.max(1, profile.passes())));
        return perToken;
    }

    private static long fileSize(Path model) {
        try {
            return Files.size(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Type name → count, most common first (ties by name). */
    static Map<String, Integer> tensorTypes(Iterable<GgufTensorInfo> tensors) {
        Map<String, Integer> counts = new TreeMap<>();
        for (GgufTensorInfo tensor : tensors) {
            counts.merge(tensor.type().name(), 1, Integer::sum);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static long weightBytes(Iterable<GgufTensorInfo> tensors) {
        long total = 0;
        for (GgufTensorInfo tensor : tensors) {
            total += tensor.byteSize();
        }
        return total;
    }
}
