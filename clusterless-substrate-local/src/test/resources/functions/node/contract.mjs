// Handlers exercising the lambdaExecArc contract from Node (s3.mjs is copied beside this file by the test).
import { getObject, parse, putObject } from './s3.mjs';

export async function upper(event, context) {
  const sink = event.sinks.main.pathURI;
  const written = [];
  for (const uri of event.sources.main.uris) {
    const body = await getObject(uri);
    const target = `${sink}lot=${event.lot}/${parse(uri).key.split('/').pop()}`;
    await putObject(target, body.toString().toUpperCase());
    written.push(target);
  }
  const target = `${sink}lot=${event.lot}/event.json`;
  await putObject(target, JSON.stringify({ event, env: process.env.FIELD ?? null,
    remaining: context.getRemainingTimeInMillis() }), 'application/json');
  written.push(target);
  console.log('wrote', written.length, 'objects');
  return { sinks: { main: written } };
}

export const nothing = async (event) => {
  console.log('nothing to do for', event.sources.main.state, 'lot');
};

export async function fail(event) {
  throw new RangeError(`bad row 3 in ${event.lot}`);
}

export function hang() {
  return new Promise(() => setTimeout(() => {}, 600000));
}

export async function outside(event) {
  return { sinks: { main: event.sources.main.uris } };
}

export async function put_outside(event) {
  const { bucket } = parse(event.sinks.main.pathURI);
  await putObject(`s3://${bucket}/elsewhere/x.txt`, 'x');
  return { sinks: { main: [`s3://${bucket}/elsewhere/x.txt`] } };
}
