// Usage: node packages-loaded.mjs FILE FORMAT [FILE FORMAT …]
// Runs the built extract stage on the files and prints (as JSON) the npm packages it loaded,
// seen by a module resolve hook: what a CLI run on such documents pays for.
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const hook = `export async function initialize({ port }) { globalThis.port = port; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  globalThis.port.postMessage(resolved.url);
  return resolved;
}`;
const { port1, port2 } = new MessageChannel();
const seen = new Set();
port1.on('message', (url) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) seen.add(m[1]);
});
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });

const { extractStage } = await import(new URL('../../dist/pipeline/stages.js', import.meta.url).href);
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const ref = { document_id: 'd', publisher: 'p', source_path: args[i], source_sha256: 'x', report_year: 2020 };
  await extractStage(readFileSync(args[i]), ref, args[i + 1]);
}
await new Promise((r) => setTimeout(r, 100)); // let the hook thread's last messages arrive
port1.close();
console.log(JSON.stringify([...seen].sort()));
