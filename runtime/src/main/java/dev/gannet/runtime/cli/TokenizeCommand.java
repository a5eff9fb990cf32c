package dev.gannet.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.tokenizer.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gannet tokenize}: standard input, exactly as given, to token ids. Needs only the
 * vocabulary, so it also works on vocab-only GGUF files.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Print the token ids of standard input (with --batch: one JSON string per line in, one JSON array per line out).")
final class TokenizeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "GGUF file (a vocab-only one will do)")
    Path model;

    @Option(names = "--no-bos", description = "do not add the BOS token (or any other the model adds)")
    boolean noBos;

    @Option(names = "--batch", description = "each input line is a JSON string; print a JSON array of ids per line")
    boolean batch;

    @Option(names = "--no-parse-special", description = "treat special-token text like <|im_start|> as plain text")
    boolean noParseSpecial;

    @Spec
    CommandSpec spec;

    /** Standard input; tests replace it. */
    InputStream input = System.in;

    @Override
    public Integer call() throws IOException {
        try (GgufFile file = GgufReader.open(model)) {
            Tokenizer tokenizer = Tokenizer.fromGguf(file.metadata());
            PrintWriter out = spec.commandLine().getOut();
            if (batch) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
                String line;
                int number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String text = parseJsonString(line, number);
                    out.println(JSON.writeValueAsString(encode(tokenizer, text)));
                }
            } else {
                String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
                int[] ids = encode(tokenizer, text);
                out.println(Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
            }
            out.flush();
        }
        return 0;
    }

    private int[] encode(Tokenizer tokenizer, String text) {
        return tokenizer.encode(text, !noBos, !noParseSpecial);
    }

    private static String parseJsonString(String line, int number) {
        try {
            var node = JSON.readTree(line);
            if (node == null || !node.isTextual()) {
                throw new IllegalArgumentException("input line " + number + " is not a JSON string");
            }
            return node.textValue();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("input line " + number + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }
}
