// cls launcher for a lambdaExecArc Node handler (docs/function-contract.md).
// argv: code folder, handler (file.function), event file, result file. The result file gets {"result": ...} or
// {"error": {"errorType", "errorMessage", "stackTrace"}}, written whole (rename), so the function's own output
// (the arc's log) never mixes with it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [code, handler, eventPath, resultPath] = process.argv.slice(2);

function write(body, status) {
  writeFileSync(resultPath + '.tmp', JSON.stringify(body));
  renameSync(resultPath + '.tmp', resultPath);
  // as Lambda freezes the sandbox on return: open sockets or timers the handler left do not hold the lot
  process.exit(status);
}

function fail(error) {
  const isError = error instanceof Error;
  write({ error: {
    errorType: isError ? error.name : typeof error,
    errorMessage: isError ? error.message : String(error),
    stackTrace: isError && error.stack ? error.stack.split('\n') : [],
  } }, 1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

try {
  const event = JSON.parse(readFileSync(eventPath, 'utf8'));
  const dot = handler.lastIndexOf('.');
  const file = handler.slice(0, dot);
  const name = handler.slice(dot + 1);
  const target = ['.js', '.mjs', '.cjs'].map((ext) => path.join(code, file + ext)).find((f) => existsSync(f));
  if (!target) {
    throw new Error(`no ${file}.js, ${file}.mjs or ${file}.cjs in ${code}`);
  }
  const loaded = await import(pathToFileURL(target).href);
  const fn = loaded[name] ?? loaded.default?.[name];
  if (typeof fn !== 'function') {
    throw new Error(`${path.basename(target)} exports no function ${name}`);
  }
  const deadline = Number(process.env.CLS_FUNCTION_DEADLINE_MS) || Date.now() + 900000;
  const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local';
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '1024',
    awsRequestId: process.env.CLS_ATTEMPT ?? 'local',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  let result;
  if (fn.length >= 3) {
    // callback style: handler(event, context, callback)
    result = await new Promise((resolve, reject) => {
      const returned = fn(event, context, (error, value) => (error ? reject(error) : resolve(value)));
      if (returned && typeof returned.then === 'function') {
        returned.then(resolve, reject);
      }
    });
  } else {
    result = await fn(event, context);
  }
  write({ result: result === undefined ? null : result }, 0);
} catch (error) {
  fail(error);
}
