/**
 * A small Jinja interpreter of our own, for chat templates: it renders as Python's jinja2 renders in
 * Hugging Face's chat-template environment (an immutable sandbox with {@code trim_blocks},
 * {@code lstrip_blocks} and loop controls; {@code tojson} as {@code json.dumps(ensure_ascii=False)};
 * {@code raise_exception} and {@code strftime_now}). Values follow Python: None and Undefined differ,
 * strings count code points, {@code and}/{@code or} return operands, {@code map}/{@code select} return
 * one-shot generators. {@link dev.gannet.prompts.jinja.Template} is the entry point; failures are
 * {@link dev.gannet.prompts.jinja.TemplateException}s.
 *
 * <p>Pipeline: {@code Lexer} (whitespace control) → {@code StatementParser}/{@code ExpressionParser}
 * ({@code Node}, {@code Expr}) → {@code NameCheck} (unknown filters and tests, as jinja2 compiles) →
 * {@code Renderer}/{@code Evaluator} over {@code Scope}s, with Python's semantics in the {@code Py*}
 * classes and jinja2's library in {@code Filters}, {@code Tests} and {@code Globals}.
 */
package dev.gannet.prompts.jinja;
