// Drives a Gannet server with the official openai client, unchanged, as any application would.
// Prints one JSON object: what the client made of each answer. OpenAiClientTruthTest checks it.
import OpenAI from 'openai';

const client = new OpenAI({
  baseURL: process.env.GANNET_BASE_URL,
  apiKey: process.env.GANNET_API_KEY,
  maxRetries: 0,
});

const tools = [{
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    },
  },
}];
const request = {
  model: 'scripted',
  messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  tools,
  tool_choice: 'auto',
  temperature: 0,
  seed: 7,
};

const whole = await client.chat.completions.create(request);

// The raw stream, assembled by hand as OpenAI's documentation shows.
const stream = await client.chat.completions.create({
  ...request, stream: true, stream_options: { include_usage: true },
});
const calls = [];
let finishReason = null;
let usage = null;
let content = '';
let chunks = 0;
for await (const chunk of stream) {
  chunks++;
  if (chunk.usage) usage = chunk.usage;
  for (const choice of chunk.choices) {
    if (choice.delta.content) content += choice.delta.content;
    for (const delta of choice.delta.tool_calls ?? []) {
      const call = calls[delta.index] ??= { id: null, type: null, name: null, arguments: '' };
      if (delta.id) call.id = delta.id;
      if (delta.type) call.type = delta.type;
      if (delta.function?.name) call.name = delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
    }
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
}

// The client's own helper, which accumulates the deltas itself.
const helper = await client.chat.completions.stream(request).finalChatCompletion();

// A request the server must refuse, OpenAI-style.
let refused = null;
try {
  await client.chat.completions.create({ ...request, temperature: 'hot' });
} catch (error) {
  refused = { status: error.status, message: error.error?.message ?? error.message, param: error.param ?? null };
}

const models = await client.models.list();

console.log(JSON.stringify({
  whole,
  streamed: { calls, finishReason, usage, content, chunks },
  helper,
  refused,
  models: models.data.map((m) => m.id),
}));
