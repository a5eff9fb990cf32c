package dev.gannet.prompts.toolcall;

import static dev.gannet.prompts.toolcall.ToolCallFormat.AUTO;
import static dev.gannet.prompts.toolcall.ToolCallFormat.HERMES;
import static dev.gannet.prompts.toolcall.ToolCallFormat.JSON;
import static dev.gannet.prompts.toolcall.ToolCallFormat.LLAMA3;
import static dev.gannet.prompts.toolcall.ToolCallFormat.MISTRAL;
import static dev.gannet.prompts.toolcall.ToolCallFormat.PHI4;
import static dev.gannet.prompts.toolcall.ToolCallFormat.QWEN3_XML;

import java.util.List;

/**
 * The table the parser is tested from: (format, model output) → (content, calls, errors). Calls
 * are written {@code name {compact JSON arguments}}; errors {@code KIND: part of the message}.
 * Every case also runs through the streaming parser under many splits.
 */
final class ToolCallCases {
    private ToolCallCases() {
    }

    record Case(String title, ToolCallFormat format, boolean declared, String input, String content,
                List<String> calls, List<String> errors) {
        @Override
        public String toString() {
            return format.cliName() + ": " + title;
        }

        DeclaredTools tools() {
            return declared ? TestTools.declared() : DeclaredTools.anyName();
        }
    }

    static Case ok(String title, ToolCallFormat format, String input, String content, String... calls) {
        return new Case(title, format, true, input, content, List.of(calls), List.of());
    }

    static Case failed(String title, ToolCallFormat format, String input, String content, List<String> calls,
                       String... errors) {
        return new Case(title, format, true, input, content, calls, List.of(errors));
    }

    static Case anyName(String title, ToolCallFormat format, String input, String content, String... calls) {
        return new Case(title, format, false, input, content, List.of(calls), List.of());
    }

    static final String READ_A = "read_file {\"path\":\"a.txt\"}";
    static final String GREP_TODO = "grep {\"pattern\":\"TODO\"}";

    static List<Case> all() {
        return List.of(
                // ---- Hermes / Qwen2.5 ----
                ok("one call", HERMES,
                        "<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n</tool_call>",
                        "", READ_A),
                ok("text before and two calls", HERMES,
                        "Let me look.\n<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n</tool_call>\n"
                                + "<tool_call>\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO\"}}\n</tool_call>",
                        "Let me look.", READ_A, GREP_TODO),
                ok("arguments as a JSON string", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": \"{\\\"path\\\": \\\"a.txt\\\"}\"}</tool_call>",
                        "", READ_A),
                ok("closing tag inside an argument", HERMES,
                        "<tool_call>{\"name\": \"run_command\", \"arguments\": {\"command\": \"echo '</tool_call>'\"}}</tool_call>",
                        "", "run_command {\"command\":\"echo '</tool_call>'\"}"),
                ok("no closing tag at the end", HERMES,
                        "<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n", "", READ_A),
                ok("a list in one tag", HERMES,
                        "<tool_call>[{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}, "
                                + "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO\"}}]</tool_call>",
                        "", READ_A, GREP_TODO),
                ok("two JSON objects in one tag", HERMES,
                        "<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n"
                                + "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO\"}}\n</tool_call>",
                        "", READ_A, GREP_TODO),
                ok("OpenAI's nested function shape", HERMES,
                        "<tool_call>{\"type\": \"function\", \"function\": {\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}}</tool_call>",
                        "", READ_A),
                ok("arguments left out", HERMES, "<tool_call>{\"name\": \"list_files\"}</tool_call>", "",
                        "list_files {}"),
                ok("Qwen2.5-Coder's json fence", HERMES,
                        "I'll read it.\n```json\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n```\n",
                        "I'll read it.", READ_A),
                ok("a json fence that is not a call stays in the answer", HERMES,
                        "Use this config:\n```json\n{\"name\": \"demo\", \"version\": \"1.0\"}\n```",
                        "Use this config:\n```json\n{\"name\": \"demo\", \"version\": \"1.0\"}\n```"),
                ok("plain answer", HERMES, "A linked list stores nodes that point to the next one.",
                        "A linked list stores nodes that point to the next one."),
                ok("angle brackets that are not tags", HERMES, "Use <b>bold</b> and a < b, then <tool_>.",
                        "Use <b>bold</b> and a < b, then <tool_>."),
                ok("bare JSON is not a Hermes call", HERMES,
                        "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}",
                        "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}"),
                failed("invalid JSON", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": a.txt}}</tool_call>", "", List.of(),
                        "INVALID_JSON: the call to read_file was not valid JSON: "),
                failed("an extra brace", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}}</tool_call>", "",
                        List.of(), "INVALID_JSON: the call to read_file was not valid JSON"),
                failed("a missing brace", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}</tool_call>Done.", "Done.",
                        List.of(), "INVALID_JSON: the call to read_file was not valid JSON"),
                failed("unknown tool", HERMES,
                        "<tool_call>{\"name\": \"delete_file\", \"arguments\": {\"path\": \"a.txt\"}}</tool_call>", "", List.of(),
                        "UNKNOWN_TOOL: there is no tool named 'delete_file'; the tools are: read_file, grep, list_files, run_command"),
                failed("missing required argument", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {}}</tool_call>", "", List.of(),
                        "INVALID_ARGUMENTS: the call to read_file had invalid arguments: 'path' is required but missing"),
                failed("wrong type", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\", \"limit\": \"ten\"}}</tool_call>",
                        "", List.of(), "INVALID_ARGUMENTS: 'limit' must be an integer (got a string \"ten\")"),
                failed("arguments string that is not JSON", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": \"path=a.txt\"}</tool_call>", "", List.of(),
                        "INVALID_JSON: the call to read_file had arguments that were not valid JSON"),
                failed("arguments that are not an object", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": [\"a.txt\"]}</tool_call>", "", List.of(),
                        "MALFORMED_CALL: the arguments of the call to read_file must be a JSON object"),
                failed("no name", HERMES, "<tool_call>{\"arguments\": {\"path\": \"a.txt\"}}</tool_call>", "", List.of(),
                        "MALFORMED_CALL: a tool call had no \"name\""),
                failed("a good call and a bad one", HERMES,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}</tool_call>"
                                + "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": 7}}</tool_call>",
                        "", List.of(READ_A), "INVALID_ARGUMENTS: 'pattern' must be a string (got an integer 7)"),
                failed("an empty tag at the end", HERMES, "Checking.\n<tool_call>\n", "Checking.", List.of(),
                        "MALFORMED_CALL: <tool_call> was not followed by a call"),

                // ---- bare JSON ----
                ok("a bare call", JSON, "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}", "", READ_A),
                ok("a bare list", JSON,
                        "[{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}, {\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO\"}}]",
                        "", READ_A, GREP_TODO),
                ok("a call on its own line after text", JSON,
                        "I will read it.\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}", "I will read it.", READ_A),
                ok("a fenced call", JSON,
                        "```json\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n```", "", READ_A),
                ok("JSON in the middle of a sentence is text", JSON,
                        "The call {\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}} reads a file.",
                        "The call {\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}} reads a file."),
                ok("JSON that is not a call is text", JSON, "{\"status\": \"ok\", \"count\": 3}",
                        "{\"status\": \"ok\", \"count\": 3}"),
                ok("an undeclared name later in an answer is text", JSON,
                        "For example:\n{\"name\": \"Ada\", \"arguments\": []}", "For example:\n{\"name\": \"Ada\", \"arguments\": []}"),
                ok("JSON inside a python fence is code", JSON,
                        "```python\nx = 1\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n```",
                        "```python\nx = 1\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n```"),
                ok("a list of numbers is text", JSON, "[1, 2, 3]", "[1, 2, 3]"),
                ok("braces in code are text", JSON, "{\n  int x;\n}", "{\n  int x;\n}"),
                failed("an undeclared name at the start is an error", JSON,
                        "{\"name\": \"delete_file\", \"arguments\": {\"path\": \"a.txt\"}}", "", List.of(),
                        "UNKNOWN_TOOL: there is no tool named 'delete_file'"),
                failed("broken JSON at the start", JSON, "{\"name\": \"read_file\", \"arguments\": {\"path\": a.txt}}", "",
                        List.of(), "INVALID_JSON: the call to read_file was not valid JSON"),
                failed("a call cut off at the end", JSON, "{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.t", "",
                        List.of(), "INVALID_JSON: the call to read_file was not valid JSON: the JSON ended before the call was complete"),

                // ---- Llama 3 ----
                ok("Llama 3 bare JSON with parameters", LLAMA3,
                        "{\"name\": \"read_file\", \"parameters\": {\"path\": \"a.txt\"}}", "", READ_A),
                ok("python_tag", LLAMA3,
                        "<|python_tag|>{\"name\": \"read_file\", \"parameters\": {\"path\": \"a.txt\"}}", "", READ_A),
                ok("python_tag with two calls and eom", LLAMA3,
                        "<|python_tag|>{\"name\": \"read_file\", \"parameters\": {\"path\": \"a.txt\"}}; "
                                + "{\"name\": \"grep\", \"parameters\": {\"pattern\": \"TODO\"}}<|eom_id|>",
                        "", READ_A, GREP_TODO),
                ok("python_tag after text, text after", LLAMA3,
                        "Reading.<|python_tag|>{\"name\": \"read_file\", \"parameters\": {\"path\": \"a.txt\"}} then more",
                        "Reading. then more", READ_A),
                ok("stringified parameters", LLAMA3,
                        "{\"name\": \"read_file\", \"parameters\": \"{\\\"path\\\": \\\"a.txt\\\"}\"}", "", READ_A),
                failed("python code after the tag", LLAMA3, "<|python_tag|>brave_search.call(query=\"x\")<|eom_id|>", "",
                        List.of(), "INVALID_JSON: a <|python_tag|> call was not JSON"),

                // ---- Mistral ----
                ok("TOOL_CALLS list", MISTRAL,
                        "[TOOL_CALLS] [{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}, "
                                + "{\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO\"}, \"id\": \"abc123XYZ\"}]",
                        "", READ_A, GREP_TODO),
                ok("NAME[ARGS]", MISTRAL, "[TOOL_CALLS]read_file[ARGS]{\"path\": \"a.txt\"}", "", READ_A),
                ok("two NAME[ARGS] calls", MISTRAL,
                        "[TOOL_CALLS]read_file[ARGS]{\"path\": \"a.txt\"}[TOOL_CALLS]grep[ARGS]{\"pattern\": \"TODO\"}",
                        "", READ_A, GREP_TODO),
                ok("NAME[CALL_ID]ID[ARGS]", MISTRAL, "[TOOL_CALLS]read_file[CALL_ID]a1B2c3D4e[ARGS]{\"path\": \"a.txt\"}",
                        "", READ_A),
                ok("text before TOOL_CALLS", MISTRAL,
                        "Sure.[TOOL_CALLS][{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}]", "Sure.", READ_A),
                ok("square brackets in text", MISTRAL, "Arrays look like [1, 2] and [TOOLS] is not a marker.",
                        "Arrays look like [1, 2] and [TOOLS] is not a marker."),
                failed("TOOL_CALLS with bad JSON", MISTRAL, "[TOOL_CALLS] [{\"name\": \"read_file\", \"arguments\": {path}}]",
                        "", List.of(), "INVALID_JSON: the call to read_file was not valid JSON"),
                failed("NAME without ARGS", MISTRAL, "[TOOL_CALLS]read_file {\"path\": \"a.txt\"}",
                        "{\"path\": \"a.txt\"}", List.of(), "MALFORMED_CALL: the call to read_file had no [ARGS]"),

                // ---- Qwen3-Coder XML ----
                ok("one parameter", QWEN3_XML,
                        "<tool_call>\n<function=read_file>\n<parameter=path>\na.txt\n</parameter>\n</function>\n</tool_call>",
                        "", READ_A),
                ok("typed parameters and a multi-line value", QWEN3_XML,
                        "I'll run it.\n<tool_call>\n<function=run_command>\n<parameter=command>\nfor f in *; do\n  echo \"$f\"\ndone\n"
                                + "</parameter>\n<parameter=timeout>\n2.5\n</parameter>\n<parameter=env>\n{\"A\": \"1\"}\n</parameter>\n"
                                + "</function>\n</tool_call>",
                        "I'll run it.", "run_command {\"command\":\"for f in *; do\\n  echo \\\"$f\\\"\\ndone\",\"timeout\":2.5,\"env\":{\"A\":\"1\"}}"),
                ok("integer parameter", QWEN3_XML,
                        "<tool_call>\n<function=read_file>\n<parameter=path>\na.txt\n</parameter>\n<parameter=limit>\n10\n</parameter>\n</function>\n</tool_call>",
                        "", "read_file {\"path\":\"a.txt\",\"limit\":10}"),
                ok("no wrapper", QWEN3_XML, "<function=read_file>\n<parameter=path>\na.txt\n</parameter>\n</function>", "", READ_A),
                ok("closing tags cut off", QWEN3_XML, "<tool_call>\n<function=read_file>\n<parameter=path>\na.txt\n", "", READ_A),
                ok("two calls", QWEN3_XML,
                        "<tool_call>\n<function=read_file>\n<parameter=path>\na.txt\n</parameter>\n</function>\n</tool_call>\n"
                                + "<tool_call>\n<function=grep>\n<parameter=pattern>\nTODO\n</parameter>\n</function>\n</tool_call>",
                        "", READ_A, GREP_TODO),
                ok("JSON in a Qwen3 template's tag", QWEN3_XML,
                        "<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n</tool_call>", "", READ_A),
                ok("functionary's JSON body", QWEN3_XML, "<function=read_file>{\"path\": \"a.txt\"}</function>", "", READ_A),
                ok("a value holding markup", QWEN3_XML,
                        "<tool_call>\n<function=run_command>\n<parameter=command>\necho '<function=x>'\n</parameter>\n</function>\n</tool_call>",
                        "", "run_command {\"command\":\"echo '<function=x>'\"}"),
                ok("a JSON value holding the closing tag", QWEN3_XML,
                        "<tool_call>\n<function=run_command>\n<parameter=command>\nls\n</parameter>\n<parameter=env>\n"
                                + "{\"X\": \"</parameter>\"}\n</parameter>\n</function>\n</tool_call>",
                        "", "run_command {\"command\":\"ls\",\"env\":{\"X\":\"</parameter>\"}}"),
                failed("wrong parameter type", QWEN3_XML,
                        "<tool_call>\n<function=read_file>\n<parameter=path>\na.txt\n</parameter>\n<parameter=limit>\nten\n</parameter>\n</function>\n</tool_call>",
                        "", List.of(), "INVALID_ARGUMENTS: 'limit' must be an integer (got a string \"ten\")"),
                failed("unknown parameter", QWEN3_XML,
                        "<tool_call>\n<function=read_file>\n<parameter=file>\na.txt\n</parameter>\n</function>\n</tool_call>",
                        "", List.of(), "INVALID_ARGUMENTS: 'path' is required but missing; 'file' is not a known property (known: path, limit)"),

                // ---- Phi-4 ----
                ok("a list", PHI4,
                        "<|tool_call|>[{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}]<|/tool_call|>", "", READ_A),
                ok("an object, text around", PHI4,
                        "Let me check. <|tool_call|>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO\"}}<|/tool_call|> Done?",
                        "Let me check.  Done?", GREP_TODO),

                // ---- auto: every syntax ----
                ok("auto reads Hermes", AUTO,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}</tool_call>", "", READ_A),
                ok("auto reads Llama 3", AUTO,
                        "<|python_tag|>{\"name\": \"read_file\", \"parameters\": {\"path\": \"a.txt\"}}<|eom_id|>", "", READ_A),
                ok("auto reads Mistral", AUTO, "[TOOL_CALLS]read_file[ARGS]{\"path\": \"a.txt\"}", "", READ_A),
                ok("auto reads Qwen3 XML", AUTO,
                        "<tool_call>\n<function=read_file>\n<parameter=path>\na.txt\n</parameter>\n</function>\n</tool_call>", "", READ_A),
                ok("auto reads Phi-4", AUTO,
                        "<|tool_call|>[{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}]<|/tool_call|>", "", READ_A),
                ok("auto reads a fence", AUTO,
                        "```json\n[{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}]\n```", "", READ_A),
                ok("auto reads bare JSON", AUTO, "\n  {\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}  \n", "", READ_A),
                ok("auto leaves an answer alone", AUTO,
                        "Here is a function:\n```java\nint f() { return 1; }\n```\nand a map {\"a\": [1]}.",
                        "Here is a function:\n```java\nint f() { return 1; }\n```\nand a map {\"a\": [1]}."),
                ok("auto mixes syntaxes", AUTO,
                        "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}</tool_call>\n"
                                + "[TOOL_CALLS]grep[ARGS]{\"pattern\": \"TODO\"}", "", READ_A, GREP_TODO),

                // ---- no declared tools: any name, no schema ----
                anyName("any name without tools", HERMES,
                        "<tool_call>{\"name\": \"make_coffee\", \"arguments\": {\"cups\": \"two\"}}</tool_call>", "",
                        "make_coffee {\"cups\":\"two\"}"),
                anyName("XML values stay strings without a schema", QWEN3_XML,
                        "<function=read_file>\n<parameter=limit>\n10\n</parameter>\n</function>", "", "read_file {\"limit\":\"10\"}"),
                anyName("any name in bare JSON later in the answer", JSON,
                        "Calling.\n{\"name\": \"make_coffee\", \"arguments\": {}}", "Calling.", "make_coffee {}"));
    }
}
