package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The verdict on JSON written without call markers (bare, or in a ```json fence). It is a call
 * when it has the shape of one and names tools that are declared. At the start of the message,
 * where nothing but a call was plausible, broken JSON and unknown names are errors the model
 * should hear about; further into an answer they are just text.
 */
final class ImplicitJson {
    private ImplicitJson() {
    }

    /**
     * @param json         the JSON text
     * @param regionLength how many characters the call would take, markers (fences) included
     */
    static Scan judge(String json, int regionLength, ScanContext context) {
        return switch (JsonText.parse(json)) {
            case JsonText.Invalid invalid -> context.atMessageStart()
                    ? new Scan.Found(regionLength, List.of(CallShape.invalidJson(json, invalid.problem())))
                    : Scan.NOT_A_CALL;
            case JsonText.Valid valid -> judge(valid.value(), regionLength, context);
        };
    }

    private static Scan judge(JsonNode value, int regionLength, ScanContext context) {
        if (!CallShape.looksLikeCalls(value)) {
            return Scan.NOT_A_CALL;
        }
        boolean allDeclared = CallShape.names(value).stream().allMatch(context.tools()::accepts);
        if (!allDeclared && !context.atMessageStart()) {
            return Scan.NOT_A_CALL;
        }
        return new Scan.Found(regionLength, CallShape.read(value));
    }
}
