package dev.gannet.runtime.cli;

import dev.gannet.kernels.engine.GenerationResult;
import dev.gannet.kernels.engine.Generator;
import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.kernels.model.InferenceSession;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import dev.gannet.kernels.tokenizer.StreamingDecoder;
import dev.gannet.kernels.tokenizer.Tokenizer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gannet generate}: a raw continuation of a prompt, streamed as it is generated. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Stream the model's continuation of a prompt to stdout; timings to stderr.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = {"-p", "--prompt"}, required = true, paramLabel = "TEXT", description = "the prompt")
    String prompt;

    @Option(names = {"-n", "--max-tokens"}, defaultValue = "128", paramLabel = "N",
            description = "most tokens to generate (default: ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0.8", paramLabel = "T",
            description = "sampling temperature; 0 is greedy (default: ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: random, printed on stderr)")
    Long seed;

    @Option(names = "--top-k", defaultValue = "40", paramLabel = "K", description = "default: ${DEFAULT-VALUE}; 0 is off")
    int topK;

    @Option(names = "--top-p", defaultValue = "0.95", paramLabel = "P", description = "default: ${DEFAULT-VALUE}; 1 is off")
    float topP;

    @Option(names = "--min-p", defaultValue = "0.05", paramLabel = "P", description = "default: ${DEFAULT-VALUE}; 0 is off")
    float minP;

    @Option(names = "--repeat-penalty", defaultValue = "1.0", paramLabel = "X", description = "default: ${DEFAULT-VALUE} (off)")
    float repeatPenalty;

    @Option(names = "--frequency-penalty", defaultValue = "0.0", paramLabel = "X", description = "default: ${DEFAULT-VALUE}")
    float frequencyPenalty;

    @Option(names = "--presence-penalty", defaultValue = "0.0", paramLabel = "X", description = "default: ${DEFAULT-VALUE}")
    float presencePenalty;

    @Option(names = "--penalty-last-n", defaultValue = "64", paramLabel = "N", description = "tokens the penalties look back over")
    int penaltyWindow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("-n must be 0 or more");
        }
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 32);
        SamplingParameters sampling = new SamplingParameters(temperature, topK, topP, minP, repeatPenalty,
                frequencyPenalty, presencePenalty, penaltyWindow, chosenSeed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Model model = options.load(); ThreadTeam team = options.team()) {
            Tokenizer tokenizer = model.tokenizer();
            int[] promptTokens = tokenizer.encode(prompt, true, true);
            if (promptTokens.length == 0) {
                throw new IllegalArgumentException("the prompt is empty and the model adds no BOS token");
            }
            InferenceSession session = model.newSession(team, options.context(), options.kvType());
            if (promptTokens.length >= session.contextSize()) {
                throw new IllegalArgumentException("the prompt has " + promptTokens.length
                        + " tokens; the context holds " + session.contextSize());
            }
            int limit = Math.min(maxTokens, session.contextSize() - promptTokens.length);
            StreamingDecoder decoder = tokenizer.streamingDecoder();
            GenerationResult result = Generator.generate(session, promptTokens, sampling, limit,
                    tokenizer::isEndOfGeneration, token -> {
                        out.print(decoder.accept(token));
                        out.flush();
                        return null;
                    });
            out.print(decoder.flush());
            out.println();
            out.flush();
            err.printf("prompt: %d tokens, %.1f tok/s; generation: %d tokens, %.1f tok/s; finish: %s; seed: %d%n",
                    result.promptTokens(), result.promptTokensPerSecond(), result.tokens().length,
                    result.generationTokensPerSecond(), result.finishReason().name().toLowerCase(), chosenSeed);
            err.flush();
        }
        return 0;
    }
}
