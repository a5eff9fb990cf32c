#!/usr/bin/env python3
"""Test tooling (not product code): the expected renderings of Gannet's chat-template tests.

Renders, with Python's jinja2 configured exactly as Hugging Face's ``apply_chat_template`` configures it
(``ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)`` with loop controls, ``tojson``
as ``json.dumps(ensure_ascii=False)``, ``raise_exception``, ``strftime_now`` on a fixed date):

* every template in ``../shared/fixtures/chat-templates/`` and every built-in template in
  ``prompts/src/main/resources/dev/gannet/prompts/template/builtin/`` against every conversation below,
  with and without the generation prompt, into ``prompts/src/test/resources/chat-templates/expected/``
  (one JSON file per template, plus ``conversations.json``);
* a table of small templates exercising the interpreter's Python semantics into
  ``prompts/src/test/resources/jinja/cases.json``.

The Java tests read those files and demand the same bytes (or, where jinja2 raises, the same
``raise_exception`` message). Run from anywhere: ``python3 scripts/render_chat_templates.py``.
Needs ``jinja2`` (3.1). Set GANNET_SHARED to use another shared directory.
"""

import json
import os
import sys
from datetime import datetime
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GANNET_SHARED", ROOT.parent / "shared"))
FIXTURES = SHARED / "fixtures" / "chat-templates"
BUILTIN = ROOT / "prompts" / "src" / "main" / "resources" / "dev" / "gannet" / "prompts" / "template" / "builtin"
EXPECTED = ROOT / "prompts" / "src" / "test" / "resources" / "chat-templates" / "expected"
JINJA_CASES = ROOT / "prompts" / "src" / "test" / "resources" / "jinja" / "cases.json"

# strftime_now always answers for this moment (the Java tests fix their clock to the same one).
FIXED_NOW = datetime(2025, 3, 14, 9, 26, 53)
BOS_TOKEN = "<s>"
EOS_TOKEN = "</s>"


class GenerationBlock(Extension):
    """The {% generation %} tag Hugging Face adds to mark assistant text; it renders its body unchanged."""

    tags = {"generation"}

    def parse(self, parser):
        line = next(parser.stream).lineno
        body = parser.parse_statements(("name:endgeneration",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_render_body"), [], [], body).set_lineno(line)

    def _render_body(self, caller):
        return caller()


def environment():
    """Hugging Face's chat-template environment (transformers' _compile_jinja_template)."""

    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def strftime_now(format):
        return FIXED_NOW.strftime(format)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[GenerationBlock, "jinja2.ext.loopcontrols"])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


# ---- tools and conversations (OpenAI chat format; tool-call arguments as objects) ---------------------------

def function_tool(name, description, properties, required):
    return {"type": "function", "function": {"name": name, "description": description,
                                             "parameters": {"type": "object", "properties": properties,
                                                            "required": required}}}


GET_WEATHER = function_tool(
    "get_weather", "Get the current weather in a city.",
    {"city": {"type": "string", "description": "The city name, e.g. Paris."},
     "unit": {"type": "string", "enum": ["celsius", "fahrenheit"], "description": "The temperature unit."}},
    ["city"])
SEARCH_FILES = function_tool(
    "search_files", "Search the repository for a regular expression.",
    {"pattern": {"type": "string", "description": "The regular expression."},
     "paths": {"type": "array", "items": {"type": "string"}, "description": "Directories to search."},
     "max_results": {"type": "integer", "description": "At most this many matches."}},
    ["pattern"])
READ_FILE = function_tool(
    "read_file", "Read a text file.",
    {"path": {"type": "string", "description": "The file path."}},
    ["path"])


def system(content):
    return {"role": "system", "content": content}


def user(content):
    return {"role": "user", "content": content}


def assistant(content):
    return {"role": "assistant", "content": content}


def tool_calls(content, *calls):
    return {"role": "assistant", "content": content,
            "tool_calls": [{"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
                           for call_id, name, arguments in calls]}


def tool_result(call_id, content, name=None):
    message = {"role": "tool", "content": content, "tool_call_id": call_id}
    if name is not None:
        message["name"] = name
    return message


CONVERSATIONS = {
    "simple_user": {"messages": [user("Hello!")], "tools": None},
    "system_user": {"messages": [system("You are a concise assistant."), user("What is the capital of France?")],
                    "tools": None},
    "multi_turn": {"messages": [system("You are a helpful assistant."), user("Hi, who are you?"),
                                assistant("I am a helpful assistant."), user("Tell me a joke.")], "tools": None},
    "multi_turn_no_system": {"messages": [
        user("Write a haiku about the sea."),
        assistant("Waves fold into foam,\nsalt wind carries gull voices,\nthe tide keeps its time."),
        user("  Now one about mountains.  ")], "tools": None},
    "tools_available": {"messages": [system("You are a weather bot."), user("What's the weather like in Paris today?")],
                        "tools": [GET_WEATHER]},
    "several_tools": {"messages": [user("Find TODO comments in src/.")],
                      "tools": [GET_WEATHER, SEARCH_FILES, READ_FILE]},
    "tool_call_round_trip": {"messages": [
        system("You are a weather bot."),
        user("What's the weather like in Paris today?"),
        tool_calls(None, ("call0001A", "get_weather", {"city": "Paris", "unit": "celsius"})),
        tool_result("call0001A", '{"temperature": 21, "condition": "sunny"}', name="get_weather"),
        assistant("It is 21 °C and sunny in Paris.")], "tools": [GET_WEATHER]},
    "parallel_tool_calls": {"messages": [
        user("Compare the weather in Paris and Tokyo."),
        tool_calls(None, ("call0001A", "get_weather", {"city": "Paris"}),
                   ("call0002B", "get_weather", {"city": "Tokyo"})),
        tool_result("call0001A", '{"temperature": 21}'),
        tool_result("call0002B", '{"temperature": 17}'),
        assistant("Paris is warmer than Tokyo.")], "tools": [GET_WEATHER, READ_FILE]},
    "tool_call_with_content": {"messages": [
        user("What does the README say?"),
        tool_calls("Let me read it.", ("call0003C", "read_file", {"path": "README.md"})),
        tool_result("call0003C", "# Gannet\nA local coding agent.")], "tools": [READ_FILE, SEARCH_FILES]},
    "unicode": {"messages": [
        system("Réponds en français. 🐦"),
        user("Grüße aus Zürich! 你好 — «quotes» \"double\" \\ backslash"),
        assistant("Ça va très bien ✨"),
        user("Et toi ? ☕")], "tools": None},
    "unicode_tool_call": {"messages": [
        user("Quel temps fait-il à São Paulo ?"),
        tool_calls(None, ("call0004D", "get_weather", {"city": "São Paulo", "unit": "celsius"})),
        tool_result("call0004D", '{"temperature": 28, "condition": "ensolarado ☀"}'),
        assistant("Il fait 28 °C à São Paulo ☀.")], "tools": [GET_WEATHER]},
}

# Variables a template needs beyond Hugging Face's usual ones, as its model card says to pass them.
EXTRA_VARIABLES = {
    "fireworks-ai-llama-3-firefunction-v2.jinja": {
        "functions": json.dumps([GET_WEATHER["function"], READ_FILE["function"]], indent=2),
        "datetime": "2025-03-14",
    },
}

# ---- how a template wants tool-call arguments ---------------------------------------------------------------

# Most templates print arguments with tojson and so want an object; some concatenate them and so need the JSON
# text. The probe renders one tool call both ways and keeps the form whose arguments come out as JSON. The
# Java side (ToolArgumentsProbe) does the same, and the tests check both sides agree.
PROBE_ARGUMENTS = {"probe_argument": "probe_value"}
PROBE_MARKER = '"probe_argument": "probe_value"'
PROBE_TOOL = function_tool("probe_tool", "A probe.",
                           {"probe_argument": {"type": "string", "description": "A probe argument."}},
                           ["probe_argument"])


def probe_renders(template, arguments, extra):
    messages = [user("Probe."), tool_calls(None, ("probe0001", "probe_tool", arguments))]
    try:
        output = template.render(messages=messages, tools=[PROBE_TOOL], documents=None, add_generation_prompt=False,
                                 bos_token=BOS_TOKEN, eos_token=EOS_TOKEN, **extra)
    except Exception:
        return False
    return PROBE_MARKER in output


def arguments_style(template, extra):
    if probe_renders(template, PROBE_ARGUMENTS, extra):
        return "object"
    if probe_renders(template, arguments_text(PROBE_ARGUMENTS), extra):
        return "string"
    return "object"


def arguments_text(arguments):
    return json.dumps(arguments, ensure_ascii=False)


def with_arguments_style(messages, style):
    if style == "object":
        return messages
    converted = []
    for message in messages:
        if "tool_calls" in message:
            message = dict(message)
            message["tool_calls"] = [
                {**call, "function": {**call["function"], "arguments": arguments_text(call["function"]["arguments"])}}
                for call in message["tool_calls"]]
        converted.append(message)
    return converted


# ---- rendering ------------------------------------------------------------------------------------------------

def render_case(template, conversation, add_generation_prompt, style, extra):
    try:
        output = template.render(messages=with_arguments_style(conversation["messages"], style),
                                 tools=conversation["tools"], documents=None,
                                 add_generation_prompt=add_generation_prompt,
                                 bos_token=BOS_TOKEN, eos_token=EOS_TOKEN, **extra)
        return {"output": output}
    except jinja2.exceptions.TemplateError as e:
        # raise_exception raises TemplateError itself; jinja2's own failures are subclasses of it.
        kind = "raised" if type(e) is jinja2.exceptions.TemplateError else "runtime"
        return {"error": kind, "message": str(e)}
    except Exception as e:  # TypeError and friends: the template fails on this conversation.
        return {"error": "runtime", "message": f"{type(e).__name__}: {e}"}


def render_template_file(env, path, label):
    source = path.read_text(encoding="utf-8")
    template = env.from_string(source)
    extra = EXTRA_VARIABLES.get(path.name, {})
    style = arguments_style(template, extra)
    results = []
    for name, conversation in CONVERSATIONS.items():
        for add_generation_prompt in (True, False):
            result = {"conversation": name, "add_generation_prompt": add_generation_prompt}
            result.update(render_case(template, conversation, add_generation_prompt, style, extra))
            results.append(result)
    return {"template": label, "arguments_style": style, "bos_token": BOS_TOKEN, "eos_token": EOS_TOKEN,
            "extra_variables": extra, "results": results}


def write_json(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def render_chat_templates(env):
    write_json(EXPECTED / "conversations.json",
               {"fixed_now": FIXED_NOW.isoformat(), "bos_token": BOS_TOKEN, "eos_token": EOS_TOKEN,
                "conversations": CONVERSATIONS})
    summary = []
    for directory, prefix in ((FIXTURES, "fixture"), (BUILTIN, "builtin")):
        for path in sorted(directory.glob("*.jinja")):
            label = f"{prefix}/{path.name}"
            rendered = render_template_file(env, path, label)
            write_json(EXPECTED / prefix / (path.stem + ".json"), rendered)
            errors = sum(1 for r in rendered["results"] if "error" in r)
            summary.append(f"{label}: {len(rendered['results'])} cases, {errors} raise, arguments {rendered['arguments_style']}")
            if prefix == "builtin" and errors:
                failing = [f"{r['conversation']}: {r['message']}" for r in rendered["results"] if "error" in r]
                sys.exit(f"built-in template {path.name} fails under jinja2: {failing}")
    return summary


# ---- interpreter semantics table -----------------------------------------------------------------------------

# (name, template, variables): small templates whose jinja2 output (or failure) the Java interpreter must match.
SEMANTICS = [
    # whitespace control
    ("trim_blocks", "a\n{% if true %}\nb\n{% endif %}\nc", {}),
    ("lstrip_blocks", "a\n    {% if true %}\n    b\n    {% endif %}\nc", {}),
    ("lstrip_at_start", "  {% if true %}x{% endif %}", {}),
    ("lstrip_only_whole_line", "a  {% if true %}x{% endif %}", {}),
    ("plus_disables_lstrip", "a\n  {%+ if true %}x{% endif %}", {}),
    ("plus_disables_trim", "a\n  {% if true +%}\nx{% endif %}", {}),
    ("minus_strips_both_sides", "a  \n  {%- if true -%}  \n  b  {%- endif %}", {}),
    ("variable_minus", "a \n {{- 'b' -}} \n c", {}),
    ("variable_no_trim", "{{ 'a' }}\nb", {}),
    ("comment_trim", "a\n  {# c #}\nb", {}),
    ("comment_minus", "a  {#- c -#}  b", {}),
    ("trailing_newline_dropped", "x\n", {}),
    ("only_one_trailing_newline_dropped", "x\n\n", {}),
    ("crlf_normalized", "a\r\n{% if true %}\r\nb\r\n{% endif %}", {}),
    ("newline_after_variable_then_block", "{{ 'a' }}\n  {% if true %}\nx\n  {% endif %}\n", {}),
    # literals and printing
    ("print_none_bool", "{{ none }}|{{ true }}|{{ False }}|{{ None }}", {}),
    ("print_numbers", "{{ 1.0 }} {{ 1e16 }} {{ 1e15 }} {{ 0.00001 }} {{ 0.0001 }} {{ 3/2 }} {{ 4/2 }} {{ -0.0 }} {{ 1_000 }}", {}),
    ("float_arithmetic", "{{ 0.1 + 0.2 }} {{ 1.5e300 * 1e10 }} {{ 2 ** 0.5 }} {{ 1/3 }}", {}),
    ("print_containers", "{{ [1, 'a', none, true, {'k': (1, 2)}] }}|{{ (1,) }}|{{ () }}|{{ {} }}", {}),
    ("print_string_repr", "{{ [\"it's\", 'say \"hi\"', 'both \\' \"', 'tab\\there', 'é', '\\x07'] }}", {}),
    ("string_escapes", "{{ \"\\u00e9\\n\\x41\\d\\t|\" }}{{ 'a' 'b' }}", {}),
    ("print_undefined", "[{{ missing }}]", {}),
    ("print_nested_values", "{{ x }}", {"x": {"a": [1.5, "b", {"c": None}], "d": True}}),
    # arithmetic and operators
    ("integer_arithmetic", "{{ 7 // 2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ 2 ** 10 }} {{ 2 ** -1 }} {{ 10 - 3 * 2 }}", {}),
    ("float_modulo", "{{ -7.5 % 2 }} {{ 7.5 // 2 }}", {}),
    ("bool_arithmetic", "{{ true + 1 }} {{ 1 + 1.5 }} {{ -true }}", {}),
    ("string_concat", "{{ 'a' + 'b' }}{{ 'x' * 3 }}{{ [1] * 2 }}{{ 'a' ~ 1 ~ none ~ missing ~ 'b' }}", {}),
    ("list_concat", "{{ [1] + [2, 3] }}{{ (1,) + (2,) }}", {}),
    ("string_plus_int_fails", "{{ 'a' + 1 }}", {}),
    ("list_plus_tuple_fails", "{{ [1] + (2,) }}", {}),
    ("division_by_zero_fails", "{{ 10 / 0 }}", {}),
    ("undefined_plus_fails", "{{ missing + 1 }}", {}),
    ("percent_format", "{{ '%s-%d' % ('a', 3) }}|{{ '%05.2f' % 3.14159 }}|{{ '%(x)s!' % {'x': 1} }}", {}),
    ("unary_minus_filter", "{{ -3|abs }}", {}),
    # comparisons, and/or, not
    ("comparisons", "{{ 1 == 1.0 }} {{ 'a' < 'b' }} {{ [1, 2] < [1, 3] }} {{ (1, 2) == [1, 2] }} {{ 1 != 2 }}", {}),
    ("comparison_chain", "{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 1 < 3 > 2 }}", {}),
    # (NaN comes from a variable: jinja2 folds a constant 'nan'|float into code that cannot run.)
    ("nan_is_unordered", "{% set n = x|float %}{{ n == n }} {{ n != n }} {{ n < 1 }} {{ n > 1 }} {{ n >= n }} {{ n }}", {"x": "nan"}),
    ("compare_mixed_fails", "{{ 1 < 'a' }}", {}),
    ("dict_equality", "{{ {'a': 1, 'b': 2} == {'b': 2, 'a': 1} }} {{ none == none }} {{ x == y }}", {}),
    ("and_or_return_operands", "{{ 0 or 'x' }}|{{ 'a' and 'b' }}|{{ '' and 'b' }}|{{ none or [] }}|{{ missing or 'd' }}", {}),
    ("not_precedence", "{{ not 1 == 2 }} {{ not 'a' in 'abc' }} {{ not true and false }} {{ not (true and false) }}", {}),
    ("in_operator", "{{ 1 in [1, 2] }}{{ 'a' in 'cat' }}{{ 'a' in {'a': 1} }}{{ 3 not in (1, 2) }}{{ 'x' in missing }}", {}),
    ("in_string_needs_string", "{{ 1 in 'abc' }}", {}),
    ("in_none_fails", "{{ 'a' in none }}", {}),
    ("conditional_expression", "{{ 'y' if true else 'n' }}|{{ 'y' if false else 'n' }}|{{ 'y' if false }}|", {}),
    ("truthiness", "{% for v in [0, 1, '', 'a', [], [0], {}, none, 0.0, missing] %}{{ 'T' if v else 'F' }}{% endfor %}", {}),
    # attributes, items, slices
    ("attribute_then_item", "{{ d.a }}|{{ d['a'] }}|{{ d.missing }}|{{ d['missing'] }}", {"d": {"a": 1}}),
    ("dict_method_shadows_key", "{{ d['items'] }}|{{ d.items()|list }}", {"d": {"items": 1}}),
    ("get_and_keys", "{{ d.get('b', 3) }}{{ d.get('a') }}{{ d.get('b') }}{{ d.keys()|list }}{{ d.values()|list }}", {"d": {"a": 1}}),
    ("missing_attribute_of_missing_fails", "{{ d.a.b }}", {"d": {}}),
    ("attribute_of_undefined_fails", "{{ missing.attribute }}", {}),
    ("item_of_undefined_fails", "{{ missing['key'] }}", {}),
    ("attribute_of_none_is_undefined", "[{{ none.x }}]", {}),
    ("index_out_of_range", "[{{ [1, 2][5] }}]{{ [1, 2][-1] }}{{ 'abc'[1] }}[{{ 'abc'[10] }}]", {}),
    ("empty_list_first_item_fails", "{{ messages[0]['role'] }}", {"messages": []}),
    ("slices", "{{ 'abc'[::-1] }} {{ [1, 2, 3][::-2] }} {{ 'hello'[1:-1] }} {{ [1, 2, 3, 4][1:] }} {{ [1, 2, 3][:-1] }} {{ 'abcdef'[4:1:-1] }} {{ [1,2,3][5:] }}", {}),
    ("slice_unicode", "{{ s[::-1] }}|{{ s[1:3] }}|{{ s|length }}", {"s": "a🐦é"}),
    ("dot_number_index", "{{ x.0 }}{{ x.1.0 }}", {"x": [1, [2]]}),
    ("list_append_is_unsafe", "{% set x = [1] %}{{ x.append(2) }}", {}),
    ("list_append_prints_empty", "[{{ [1].append }}]", {}),
    ("dict_update_is_unsafe", "{{ {}.update({'a': 1}) }}", {}),
    ("private_attribute_is_unsafe", "{{ ''.__class__ }}", {}),
    # string methods
    ("string_methods", "{{ 'Abc'.lower() }}{{ 'x'.upper() }}[{{ '  x '.strip() }}][{{ 'xxaxx'.strip('x') }}][{{ ' a '.lstrip() }}][{{ ' a '.rstrip() }}]", {}),
    ("string_predicates", "{{ 'abc'.startswith(('x', 'a')) }}{{ 'abc'.endswith('c') }}{{ 'abc'.isalpha() }}{{ '12'.isdigit() }}{{ 'ab'.islower() }}{{ 'AB'.isupper() }}{{ ' '.isspace() }}", {}),
    ("string_split", "{{ 'a,b,,c'.split(',') }}{{ '  a  b '.split() }}{{ 'a b c'.split(' ', 1) }}{{ 'abc'.rsplit('b') }}{{ 'a b c'.rsplit(None, 1) }}{{ 'a\\nb\\r\\nc\\n'.splitlines() }}", {}),
    ("string_replace_find", "{{ 'aaa'.replace('a', 'b', 2) }}{{ 'a'.find('b') }}{{ 'abc'.index('c') }}{{ 'aXbXc'.count('X') }}{{ 'abc'.rfind('c') }}", {}),
    ("string_case", "{{ 'hello world'.title() }}|{{ \"they're bill's\".title() }}|{{ 'hELLO'.capitalize() }}|{{ 'ß'.upper() }}|{{ 'AbC'.swapcase() }}", {}),
    ("string_format", "{{ 'Hello {}!'.format('you') }}{{ '{a}-{0}'.format(1, a=2) }}{{ '{:>5}|{:<4}|{:^7}|{:.2f}'.format('x', 'y', 'z', 3.14159) }}{{ '{{}}'.format() }}", {}),
    ("string_join_method", "{{ ', '.join(['a', 'b']) }}{{ '-'.join('abc') }}", {}),
    ("string_misc", "{{ 'abc'.center(9, '*') }}{{ 'ab'.ljust(4, '.') }}{{ 'ab'.rjust(4) }}{{ '42'.zfill(5) }}{{ 'a=b'.partition('=') }}{{ 'prefix_x'.removeprefix('prefix_') }}", {}),
    # statements
    ("if_elif_else", "{% for x in [1, 2, 3] %}{% if x == 1 %}one{% elif x == 2 %}two{% else %}other{% endif %} {% endfor %}", {}),
    ("for_loop_variables", "{% for a in 'xyz' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}", {}),
    ("for_prev_next", "{% for a in [1, 2, 3] %}[{{ loop.previtem }}|{{ loop.nextitem }}]{% endfor %}", {}),
    ("for_if_filter", "{% for a in [1, 2, 3, 4] if a is even %}{{ loop.index }}/{{ loop.length }}:{{ a }} {% endfor %}", {}),
    ("for_else", "{% for a in [] %}x{% else %}empty{% endfor %}|{% for a in [1] if false %}x{% else %}filtered{% endfor %}", {}),
    ("for_break_continue", "{% for a in range(10) %}{% if a == 2 %}{% continue %}{% endif %}{% if a == 5 %}{% break %}{% endif %}{{ a }}{% endfor %}", {}),
    ("for_unpacking", "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}{% for a, b in [(1, 2), (3, 4)] %}{{ a }}{{ b }}{% endfor %}", {}),
    ("for_over_dict_and_string", "{% for k in {'x': 1, 'y': 2} %}{{ k }}{% endfor %}{% for c in 'ab' %}[{{ c }}]{% endfor %}", {}),
    ("for_over_undefined_is_empty", "{% for a in missing %}x{% endfor %}done", {}),
    ("for_over_none_fails", "{% for a in none %}x{% endfor %}", {}),
    ("nested_loops", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ loop.index }}{{ a }}{{ b }} {% endfor %}{{ loop.index }}|{% endfor %}", {}),
    ("loop_cycle_changed", "{% for a in [1, 1, 2] %}{{ loop.cycle('odd', 'even') }}{{ loop.changed(a) }} {% endfor %}", {}),
    ("set_scoping_in_loops", "{% set x = 1 %}{% for i in [1, 2] %}{% set x = x + i %}{{ x }}{% endfor %}{{ x }}", {}),
    ("set_in_loop_fresh_each_iteration", "{% set y = 'o' %}{% for i in [1, 2] %}{{ y }}{% if i == 1 %}{% set y = 'a' %}{% endif %}{{ y }}{% endfor %}{{ y }}", {}),
    ("set_in_if_is_visible", "{% if true %}{% set z = 5 %}{% endif %}{{ z }}", {}),
    ("namespace", "{% set ns = namespace(a=1, found=false) %}{% for i in [1, 2, 3] %}{% set ns.a = ns.a + i %}{% if i == 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.a }} {{ ns.found }} {{ ns }}", {}),
    ("namespace_assign_on_dict_fails", "{% set d = {} %}{% set d.a = 1 %}", {}),
    ("set_block", "{% set x %}  hello\n{% endset %}[{{ x }}]{% set y | upper | trim %} shout {% endset %}[{{ y }}]", {}),
    ("set_tuple", "{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set t = 1, 'x' %}{{ t }}", {}),
    ("filter_block", "{% filter upper %}abc{% endfilter %}{% filter trim | title %}  big day  {% endfilter %}", {}),
    ("macro_defaults_and_kwargs", "{% macro m(a, b=2) %}{{ a }}{{ b }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1) }}|{{ m(1, 3) }}|{{ m(b=5, a=0) }}|{{ m(1, 2, 3, 4) }}|{{ m(1, c=9) }}", {}),
    ("macro_missing_argument_is_undefined", "{% macro m(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ m(1) }}", {}),
    ("macro_too_many_arguments_fails", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}", {}),
    ("macro_unknown_keyword_fails", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, c=2) }}", {}),
    ("macro_sees_later_globals", "{% macro m() %}{{ x }}{% endmacro %}{% set x = 1 %}{{ m() }}", {}),
    ("macro_local_set", "{% macro m() %}{{ x }}{% set x = 5 %}{{ x }}{% endmacro %}{% set x = 1 %}{{ m() }}{{ x }}", {}),
    ("macro_recursion", "{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}", {}),
    ("macro_default_uses_parameter", "{% macro m(a, b=a * 2) %}{{ a }},{{ b }}{% endmacro %}{{ m(3) }}", {}),
    ("macro_print", "{% macro m() %}{% endmacro %}{{ m }}", {}),
    ("call_block", "{% macro m(a) %}[{{ a }}:{{ caller() }}]{% endmacro %}{% call m(1) %}inner{% endcall %}", {}),
    ("call_block_with_arguments", "{% macro m() %}[{{ caller(5) }}]{% endmacro %}{% call(x) m() %}inner{{ x }}{% endcall %}", {}),
    ("caller_undefined_without_call", "{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }}", {}),
    ("generation_block", "a{% generation %}b{% endgeneration %}c", {}),
    # filters
    ("filter_tojson", "{{ {'a': 1}|tojson }}|{{ {'a': [1, {'b': None}]}|tojson(indent=2) }}|{{ [1, 'x']|tojson(indent='\\t') }}", {}),
    ("filter_tojson_values", "{{ x|tojson }}", {"x": {"é": "ü", "n": 1.5, "l": [], "d": {}, "t": True, "z": None, "q": "\"\\\n\t\u0001", "big": 1e100, "e": "🐦"}}),
    ("filter_tojson_options", "{{ x|tojson(sort_keys=true) }}|{{ x|tojson(ensure_ascii=true) }}|{{ x|tojson(separators=(',', ':')) }}", {"x": {"b": "é", "a": [1, 2]}}),
    ("filter_tojson_string", "{{ 'a \"quoted\" \\\\ string'|tojson }}", {}),
    ("filter_tojson_undefined_fails", "{{ missing|tojson }}", {}),
    ("filter_trim", "[{{ '  x  '|trim }}][{{ 'xxaxx'|trim('x') }}][{{ none|trim }}][{{ missing|trim }}][{{ '\\u3000 x\\xa0'|trim }}]", {}),
    ("filter_length", "{{ [1, 2]|length }}{{ 'abc'|length }}{{ {'a': 1}|count }}{{ missing|length }}", {}),
    ("filter_length_none_fails", "{{ none|length }}", {}),
    ("filter_join", "{{ [1, 'a']|join(', ') }}{{ [none, true]|join }}{{ [{'n': 'x'}, {'n': 'y'}]|join('-', attribute='n') }}", {}),
    ("filter_map", "{{ ['a', 'b']|map('upper')|list }}{{ [{'a': 1}, {}]|map(attribute='a', default=0)|list }}{{ [{'a': {'b': 2}}]|map(attribute='a.b')|list }}{{ ['x']|map('replace', 'x', 'y')|list }}", {}),
    ("filter_select_reject", "{{ [1, 2, 3]|select('odd')|list }}{{ [1, 2, 3]|reject('odd')|list }}{{ [0, 1, '', none, 'x']|select|list }}{{ [1, 5, 9]|select('>', 3)|list }}{{ ['a', 'b']|select('in', ['a'])|list }}", {}),
    ("filter_selectattr", "{{ x|selectattr('a')|list }}{{ x|selectattr('a', 'defined')|list }}{{ x|rejectattr('a', 'equalto', 1)|list }}{{ x|selectattr('b', 'eq', 2)|list }}", {"x": [{"a": 1}, {"b": 2}]}),
    ("filter_generator_is_truthy_and_unsized", "{{ 'T' if []|select else 'F' }}|{{ []|select|list|length }}", {}),
    ("filter_generator_length_fails", "{{ [1]|select|length }}", {}),
    ("filter_select_on_none_is_empty", "{{ none|select|list }}{{ none|selectattr('a')|list }}{{ missing|map('upper')|list }}{{ 0|reject|list }}", {}),
    ("filter_last_of_generator_fails", "{{ [1]|select|last }}", {}),
    ("filter_generator_once", "{% set g = [1, 2]|select %}{{ g|list }}{{ g|list }}", {}),
    ("filter_default", "{{ missing|default('d') }}|{{ ''|default('d') }}|{{ ''|default('d', true) }}|{{ none|d('n') }}|{{ 0|default(5, boolean=true) }}", {}),
    ("filter_first_last", "{{ x|first }}{{ x|last }}[{{ []|first }}][{{ ''|last }}]{{ 'abc'|last }}{{ {'k': 1}|first }}", {"x": [1, 2]}),
    ("filter_indent", "{{ 'a\\nb'|indent(2) }}|{{ 'a\\n\\nb'|indent(2, true) }}|{{ 'a\\n\\nb'|indent(2, true, true) }}|{{ 'x'|indent }}|{{ 'a\\nb'|indent('> ') }}|{{ 'a\\n'|indent(first=true) }}", {}),
    ("filter_safe_and_escape", "{{ '<&>\"\\''|e }}{{ '<'|escape|safe }}{{ 'x'|safe + '<' }} {{ '<' + 'x'|safe }} {{ ('x'|safe + '<')|length }}", {}),
    ("filter_markup_concat_escapes", "{{ \"f '\"|safe + name + \"'\"|safe + {'a': 1}|tojson }}", {"name": "<b>\"x\""}),
    ("filter_string_int_float", "{{ 3.7|int }}{{ '42'|int }}{{ 'x'|int }}{{ '3.5'|int }}{{ '3.5'|float }}{{ none|int }}{{ 'x'|float }}{{ 1|string }}{{ none|string }}{{ '0x1A'|int(0, 16) }}", {}),
    ("filter_round", "{{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 5|round }} {{ 2.4|round(method='ceil') }} {{ 2.6|round(method='floor') }} {{ -1.5|round }}", {}),
    ("filter_abs", "{{ -3|abs }}{{ (-2.5)|abs }}{{ 4|abs }}", {}),
    ("filter_case", "{{ 'hello world'|title }}|{{ 'hELLO wOrld'|capitalize }}|{{ \"it's a-b(c\"|title }}|{{ 'AbC'|lower }}|{{ 'abc'|upper }}", {}),
    ("filter_replace", "{{ 'aaa'|replace('a', 'b') }}{{ 'aaa'|replace('a', 'b', 2) }}{{ 1|replace('1', 'one') }}", {}),
    ("filter_items", "{{ {'a': 1, 'b': 2}|items|list }}{% for k, v in {'x': 1}|items %}{{ k }}{{ v }}{% endfor %}{{ missing|items|list }}", {}),
    ("filter_items_needs_mapping", "{{ [1]|items|list }}", {}),
    ("filter_list", "{{ 'ab'|list }}{{ {'a': 1}|list }}{{ (1, 2)|list }}{{ missing|list }}", {}),
    ("filter_unique", "{{ ['a', 'A', 'b']|unique|list }}{{ ['a', 'A']|unique(case_sensitive=true)|list }}{{ [{'k': 1}, {'k': 1}, {'k': 2}]|unique(attribute='k')|list }}", {}),
    ("filter_dictsort", "{{ {'b': 1, 'A': 2}|dictsort }}{{ {'b': 1, 'A': 2}|dictsort(true) }}{{ {'b': 1, 'a': 2}|dictsort(by='value') }}{{ {'b': 1, 'a': 2}|dictsort(reverse=true) }}", {}),
    ("filter_sort", "{{ [3, 1, 2]|sort }}{{ ['b', 'A', 'a']|sort }}{{ [{'a': 2}, {'a': 1}]|sort(attribute='a') }}{{ [1, 2]|sort(reverse=true) }}", {}),
    ("filter_reverse", "{{ 'abc'|reverse }}{{ [1, 2]|reverse|list }}", {}),
    ("filter_sum_min_max", "{{ [1, 2, 3]|sum }}{{ [{'v': 2}, {'v': 3}]|sum(attribute='v') }}{{ [3, 1]|min }}{{ ['a', 'B']|max }}", {}),
    ("filter_misc", "{{ 'a b  c'|wordcount }}{{ 'x'|center(5) }}|{{ '%s=%s'|format('a', 1) }}{{ {'a': 1}|attr('items') is callable }}", {}),
    ("unknown_filter_fails_at_parse", "{{ x|no_such_filter }}", {}),
    ("unknown_filter_inside_if_fails_when_reached", "{% if x %}{{ x|no_such_filter }}{% endif %}done", {}),
    ("unknown_filter_inside_if_reached_fails", "{% if true %}{{ x|no_such_filter }}{% endif %}", {}),
    ("unknown_test_in_conditional_expression", "{{ 'a' if false else (1 if 1 is no_such_test else 2) }}", {}),
    ("unknown_filter_in_loop_inside_if_fails_at_parse", "{% if false %}{% for a in [] %}{{ a|no_such_filter }}{% endfor %}{% endif %}", {}),
    # tests
    ("tests_types", "{{ 'a' is string }}{{ 1 is number }}{{ true is number }}{{ true is integer }}{{ 1.0 is integer }}{{ 1.0 is float }}{{ {} is mapping }}{{ 'a' is iterable }}{{ 'a' is sequence }}{{ {} is sequence }}{{ true is boolean }}", {}),
    ("tests_values", "{{ 1 is true }}{{ true is true }}{{ false is false }}{{ 3 is equalto 3 }}{{ 3 is eq(3.0) }}{{ 1 is in [1] }}{{ 3 is odd }}{{ 4 is even }}{{ 9 is divisibleby 3 }}{{ 'ab' is lower }}{{ 'AB' is upper }}{{ none is sameas none }}", {}),
    ("tests_defined", "{{ x is defined }}{{ missing is defined }}{{ missing is undefined }}{{ x.y is defined }}{{ none is none }}{{ x is not none }}{{ d['k'] is defined }}{{ d['k'] is none }}", {"x": 1, "d": {"k": None}}),
    ("tests_undefined_is_iterable", "{{ missing is iterable }}{{ missing is sequence }}{{ none is iterable }}{{ none is sequence }}{{ missing is mapping }}", {}),
    ("tests_comparisons", "{{ 2 is gt 1 }}{{ 2 is ge 2 }}{{ 1 is lt 2 }}{{ 1 is le 0 }}{{ 1 is ne 2 }}", {}),
    ("tests_callable_and_filters", "{{ range is callable }}{{ 'upper' is filter }}{{ 'odd' is test }}{{ 1 is callable }}", {}),
    ("unknown_test_fails_at_parse", "{{ 1 is no_such_test }}", {}),
    # globals
    ("global_range", "{{ range(3)|list }}{{ range(1, 7, 2)|list }}{{ range(5, 0, -2)|list }}", {}),
    ("global_dict", "{{ dict(a=1, b=2) }}{{ dict([('x', 1)]) }}{{ dict({'y': 2}, z=3) }}", {}),
    ("global_raise_exception", "{% if true %}{{ raise_exception('Only user and assistant roles are supported!') }}{% endif %}", {}),
    ("global_strftime_now", "{{ strftime_now('%Y-%m-%d %H:%M:%S') }}|{{ strftime_now('%d %b %Y') }}|{{ strftime_now('%A %B %-d') }}|{{ strftime_now('%j %I%p %y %a %%') }}", {}),
    ("variables_shadow_globals", "{{ range }}", {"range": "mine"}),
    # idioms of newer chat templates (Qwen3, Llama 4, SmolLM3)
    ("reverse_scan_with_namespace",
     "{%- set ns = namespace(last_query=messages|length - 1) %}{%- for m in messages[::-1] %}{%- set i = (messages|length - 1) - loop.index0 %}"
     "{%- if m.role == 'user' and not (m.content.startswith('<tool_response>') and m.content.endswith('</tool_response>')) and ns.last_query == messages|length - 1 %}"
     "{%- set ns.last_query = i %}{%- endif %}{%- endfor %}{{ ns.last_query }}",
     {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"},
                   {"role": "user", "content": "<tool_response>x</tool_response>"}]}),
    ("think_split",
     "{%- set content = m.content %}{%- if '</think>' in content %}{%- set reasoning = content.split('</think>')[0].rstrip('\\n').split('<think>')[-1].lstrip('\\n') %}"
     "{%- set content = content.split('</think>')[-1].lstrip('\\n') %}{%- endif %}[{{ reasoning }}][{{ content }}]{{ m.reasoning_content is string }}",
     {"m": {"role": "assistant", "content": "<think>\nplan\n</think>\n\nanswer"}}),
    ("content_parts",
     "{%- for m in messages %}{%- if m.content is string %}{{ m.content }}{%- else %}{%- for part in m.content %}"
     "{%- if part.type == 'text' %}{{ part.text }}{%- elif part.type == 'image' %}<image>{%- endif %}{%- endfor %}{%- endif %}|{%- endfor %}",
     {"messages": [{"role": "user", "content": "plain"},
                   {"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "describe"}]}]}),
    ("tojson_ensure_ascii_false_explicitly", "{{ x | tojson(ensure_ascii=False) }}|{{ x | tojson(indent=None) }}", {"x": {"k": "é"}}),
    ("format_filter_and_is_not_string", "{{ '%s has %d tools' | format(name, tools|length) }} {{ tools is not string }}",
     {"name": "m", "tools": [1, 2]}),
    ("nested_ternaries_and_filters", "{{ (x.get('a') or {}).get('b', 'none') | upper if x else 'empty' }}", {"x": {"a": {"b": "yes"}}}),
    ("loop_previtem_attribute", "{%- for m in ms %}{%- if not loop.first and loop.previtem.role == m.role %}dup{% endif %}{%- endfor %}",
     {"ms": [{"role": "user"}, {"role": "user"}]}),
    # errors
    ("syntax_error_unclosed_if", "{% if true %}x", {}),
    ("syntax_error_bad_expression", "{{ 1 + }}", {}),
    ("syntax_error_unknown_tag", "{% frobnicate %}", {}),
    ("syntax_error_break_outside_loop", "{% break %}", {}),
    ("calling_undefined_fails", "{{ missing() }}", {}),
    ("calling_string_fails", "{{ 'a'() }}", {}),
]


def render_semantics(env):
    cases = []
    for name, source, variables in SEMANTICS:
        case = {"name": name, "template": source, "variables": variables}
        try:
            template = env.from_string(source)
        except Exception as e:  # TemplateSyntaxError, TemplateAssertionError, or Python's SyntaxError
            case["error"] = "syntax"
            case["message"] = getattr(e, "message", None) or str(e)
            cases.append(case)
            continue
        try:
            case["output"] = template.render(**variables)
        except jinja2.exceptions.TemplateError as e:
            case["error"] = "raised" if type(e) is jinja2.exceptions.TemplateError else "runtime"
            case["message"] = str(e)
        except Exception as e:
            case["error"] = "runtime"
            case["message"] = f"{type(e).__name__}: {e}"
        cases.append(case)
    write_json(JINJA_CASES, {"fixed_now": FIXED_NOW.isoformat(), "cases": cases})
    return len(cases)


def main():
    if not jinja2.__version__.startswith("3."):
        sys.exit(f"jinja2 3.x is needed, found {jinja2.__version__}")
    env = environment()
    for line in render_chat_templates(env):
        print(line)
    print(f"interpreter cases: {render_semantics(env)}")


if __name__ == "__main__":
    main()
