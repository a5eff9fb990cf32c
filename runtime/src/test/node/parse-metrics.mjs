// Parses Prometheus text exposition from stdin with an independent parser and prints the families as JSON.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

let text = '';
for await (const piece of process.stdin) text += piece;
console.log(JSON.stringify(parsePrometheusTextFormat(text)));
