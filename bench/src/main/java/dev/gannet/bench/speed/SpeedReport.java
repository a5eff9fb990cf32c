package dev.gannet.bench.speed;

import dev.gannet.bench.discrimination.AdapterSpec;
import dev.gannet.kernels.model.ForwardProfile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one {@code gannet bench speed} measured.
 *
 * @param model             the GGUF file
 * @param adapters          LoRA adapters applied at run time, in order (empty for the plain model)
 * @param fileBytes         its size on disk, plus its adapters'
 * @param architecture      {@code general.architecture}
 * @param tensorTypes       tensor type name → number of tensors of that type, most common first
 * @param weightBytes       bytes of all tensor data (what one decode step streams, roughly)
 * @param threads           compute threads
 * @param context           KV cache positions
 * @param kvCacheType       how the KV cache stores keys and values: "f16" or "f32"
 * @param promptTokens      tokens evaluated by each prefill
 * @param generatedTokens   one-token decode steps per run
 * @param warmUps           runs done before measuring
 * @param loadSeconds       {@code Model.load}: mapping the file, reading metadata, tokenizer and weights
 *                          (the pages are read lazily, so part of the reading cost falls on the first run)
 * @param runs              the measured runs
 * @param peakResidentBytes the process's peak resident set ({@code VmHWM}) after the runs; empty off Linux
 * @param decodeProfile     seconds per decode step spent in each step of the forward pass, over the
 *                          measured runs ({@code --profile}); empty when not asked for
 */
public record SpeedReport(Path model, List<AdapterSpec> adapters, long fileBytes, String architecture, Map<String, Integer> tensorTypes,
                          long weightBytes, int threads, int context, String kvCacheType, int promptTokens, int generatedTokens,
                          int warmUps, double loadSeconds, List<RunTiming> runs, OptionalLong peakResidentBytes,
                          Map<ForwardProfile.Step, Double> decodeProfile) {

    public SpeedReport {
        adapters = List.copyOf(adapters);
        tensorTypes = Collections.unmodifiableMap(new LinkedHashMap<>(tensorTypes));
        runs = List.copyOf(runs);
        decodeProfile = Collections.unmodifiableMap(new LinkedHashMap<>(decodeProfile));
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
    }

    /** The model's file name, with its adapters as the discrimination report labels them. */
    public String label() {
        StringBuilder label = new StringBuilder(model.getFileName().toString());
        adapters.forEach(adapter -> label.append(" + ").append(adapter.label()));
        return label.toString();
    }

    /** Prompt tokens per second over the runs. */
    public Summary prefillTokensPerSecond() {
        return Summary.of(runs.stream().mapToDouble(r -> r.prefillTokensPerSecond(promptTokens)).toArray());
    }

    /** Generated tokens per second over the runs. */
    public Summary decodeTokensPerSecond() {
        return Summary.of(runs.stream().mapToDouble(RunTiming::decodeTokensPerSecond).toArray());
    }

    /** Time to first token (prefill + first decode step) over the runs, in seconds. */
    public Summary timeToFirstToken() {
        return Summary.of(runs.stream().mapToDouble(RunTiming::timeToFirstToken).toArray());
    }
}
