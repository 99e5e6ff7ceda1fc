// Keeps the events whose type is in EVENT_TYPES, from every JSON-lines object of the lot, in one object per lot.
// The lambdaExecArc contract (docs/function-contract.md): the event lists the lot's objects under
// sources.main.uris and the sink's prefix under sinks.main.pathURI; the handler returns the objects it wrote.
import { getObject, putObject } from './s3.mjs';

const types = new Set((process.env.EVENT_TYPES ?? 'purchase').split(',').map((t) => t.trim()));

export async function filter(event) {
  const kept = [];
  let seen = 0;
  for (const uri of event.sources.main.uris) {
    const text = (await getObject(uri)).toString('utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      seen += 1;
      const record = JSON.parse(line);
      if (types.has(record.type)) kept.push(line.trim());
    }
  }
  console.log(`lot ${event.lot}: kept ${kept.length} of ${seen} events (${[...types].join(', ')})`);
  if (kept.length === 0) {
    return { sinks: { main: [] } }; // an empty sink lot
  }
  const target = `${event.sinks.main.pathURI}part-${event.lot}.jsonl`;
  await putObject(target, kept.join('\n') + '\n', 'application/x-ndjson');
  return { sinks: { main: [target] } };
}
