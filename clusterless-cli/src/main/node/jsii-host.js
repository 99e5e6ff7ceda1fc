'use strict';
// Runs jsii's kernel (lib/program.js of the runtime jsii's Java side extracts) in this node process, without the
// relay process jsii normally puts in between (bin/jsii-runtime.js, a second node that copies every request and
// response from its stdin/stdout to the kernel's fd 3 and wraps the kernel's console output): one node start less
// per synth, and each of a synth's ~750 round trips wakes two processes instead of three.
//
// jsii's Java side runs JSII_NODE followed by the path of bin/jsii-runtime.js; bin/cls sets
//   JSII_NODE="exec setsid node --preserve-symlinks <this file>"
// so this script gets that path as its argument and keeps the relay's contract towards Java:
// - requests arrive on stdin and responses leave on stdout, one JSON document a line (the kernel reads and writes its
//   fd 3, which this script maps onto fds 0 and 1); this script may read them ahead of the kernel, through a second,
//   non-blocking descriptor of the same pipe, into the kernel's own buffer (prewarm.js): Java sees no difference;
// - nothing else reaches stdout: console output is written to stderr as {"stdout": base64} / {"stderr": base64}
//   lines, which jsii's Java side decodes onto System.out / System.err, as it does the relay's;
// - the exit code is the kernel's.
// It also removes the runtime folder jsii extracted (jsii's own clean-up leaves its bin/ and lib/ folders behind on
// every run, and everything when the JVM is killed), once the kernel has ended: the JVM starts a fresh one per node.
// Only such a temporary folder (jsii-java-runtime<digits>): cls mostly has jsii run the user cache's lasting copy
// (<cache>/jsii-runtime/<key>/, JsiiStart), which must stay.
// And, next to it, up to ten empty runtime folders over ten minutes old that earlier runs left (a Ctrl-C kills node
// before it can clean up).
const fs = require('fs');
const path = require('path');
const { Readable, Writable } = require('stream');

const PROTOCOL_FD = 3; // where jsii's kernel reads requests and writes responses
const REQUESTS_FD = 0;
const RESPONSES_FD = 1;
const CONSOLE_FD = 2;

function fail(message) {
  fs.writeSync(CONSOLE_FD, `jsii-host: ${message}\n`);
  process.exit(1);
}

const runtime = process.argv[2];
if (!runtime || path.basename(runtime) !== 'jsii-runtime.js') {
  fail(`expected the path of jsii's bin/jsii-runtime.js as the only argument, got: ${runtime}`);
}
const runtimeDir = path.resolve(path.dirname(runtime), '..');
const program = path.join(runtimeDir, 'lib', 'program.js');
if (!fs.existsSync(program)) {
  fail(`no jsii kernel at ${program}`);
}
// the kernel links packages into its node_modules with symbolic links and must not resolve them (jsii's relay passes
// the same flag); it can only be given on node's command line
if (!process.execArgv.includes('--preserve-symlinks')) {
  fail('run with node --preserve-symlinks');
}

// aws-cdk-lib (core/lib/private/perf.js, 2.2xx) wraps every function of node's fs module to time each call with
// performance.measure, for a report only the CDK CLI asks for (through an environment variable a synth in cls never
// has). Here the kernel's own reads and writes of the request pipe go through fs too, two or three measured calls
// per round trip: ~15% of node's CPU at 50 arcs, while a Node CDK app, which reads and writes a few files, measured
// no difference (docs/benchmarks.md). CDK_NO_PERF_BUILTINS=1 is the CDK's own switch for that wrapping; a value the
// user gives is kept.
if (process.env.CDK_NO_PERF_BUILTINS === undefined) {
  process.env.CDK_NO_PERF_BUILTINS = '1';
}

// fd 3 must stay taken: were it free, a file the CDK opens could get it, and its writes would go to stdout
try {
  fs.fstatSync(PROTOCOL_FD);
} catch {
  fs.openSync('/dev/null', 'r'); // the lowest free fd: 3
}

function writeAll(fd, buffer) {
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(fd, buffer, offset);
    } catch (e) {
      if (e.code !== 'EAGAIN') {
        throw e;
      }
    }
  }
}

// console output as jsii's relay wraps it; written synchronously, so no line is lost when the kernel exits
function wrapped(tag) {
  const stream = new Writable({
    write(chunk, encoding, done) {
      writeAll(CONSOLE_FD, Buffer.from(`${JSON.stringify({ [tag]: chunk.toString('base64') })}\n`));
      done();
    },
  });
  stream.fd = CONSOLE_FD;
  stream.isTTY = false;
  return stream;
}
const stdout = wrapped('stdout');
const stderr = wrapped('stderr');
// stdin carries requests: nothing but the kernel may read it (jsii's relay gives the kernel no stdin at all)
const stdin = new Readable({ read() { this.push(null); } });
for (const [name, stream] of [['stdout', stdout], ['stderr', stderr], ['stdin', stdin]]) {
  Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => stream });
}

const readSync = fs.readSync;
const writeSync = fs.writeSync;
// While the kernel would block waiting for its next request, prewarm.js loads the aws-cdk-lib files the last
// synth needed. To see whether a request is waiting it reads AHEAD of the kernel, through a second, non-blocking
// descriptor of the request pipe, straight into the kernel's buffer (see prewarm.js); end of input and errors still
// reach the kernel through the blocking read below. CLS_PREWARM=off turns it off (reads are then as jsii's relay does
// them): on a quiet 2-core machine it took 5% off a synth's wall at 3 stacks and 4% at 50 arcs, on a loaded one it
// showed nothing (docs/benchmarks.md).
const prewarm = process.env.CLS_PREWARM === 'off' ? null : (() => {
  const { folderFor, userHome } = require('./compile-cache.js');
  return require('./prewarm.js').install(folderFor(process.env, userHome()), REQUESTS_FD, process.env.CLS_PREWARM_TRACE);
})();
const readRequest = (...args) => readSync.call(fs, REQUESTS_FD, ...args);
fs.readSync = function (fd, ...rest) {
  if (fd === PROTOCOL_FD && prewarm) {
    return prewarm.read(readRequest, rest);
  }
  return readSync.call(this, fd === PROTOCOL_FD ? REQUESTS_FD : fd, ...rest);
};
fs.writeSync = function (fd, ...rest) {
  return writeSync.call(this, fd === PROTOCOL_FD ? RESPONSES_FD : fd, ...rest);
};

// only folders jsii's Java side made (Files.createTempDirectory("jsii-java-runtime")), never anything else
const RUNTIME_FOLDER = /^jsii-java-runtime\d+$/;
// a runtime folder of another JVM whose files are gone is dead (the JVM deletes them at its exit, leaving the
// folders); younger ones may be a starting JVM's, which creates the folders before it writes the files
const DEAD_AFTER_MILLIS = 10 * 60 * 1000;
// removing a folder took ~7 ms on a busy machine: a backlog of thousands drains over runs, never at once
const SWEEP_LIMIT = 10;

function emptyFolder(folder) {
  try {
    return fs.readdirSync(folder).length === 0;
  } catch {
    return false;
  }
}

/** Removes runtime folders that earlier JVMs left with nothing in them (Ctrl-C kills node before it cleans up). */
function sweepDeadRuntimes(parent) {
  const before = Date.now() - DEAD_AFTER_MILLIS;
  let removed = 0;
  for (const name of fs.readdirSync(parent)) {
    const folder = path.join(parent, name);
    if (removed === SWEEP_LIMIT) {
      return;
    }
    if (!RUNTIME_FOLDER.test(name) || folder === runtimeDir) {
      continue;
    }
    try {
      const entries = fs.readdirSync(folder);
      const dead = fs.statSync(folder).mtimeMs < before
        && entries.every((entry) => ['bin', 'lib'].includes(entry) && emptyFolder(path.join(folder, entry)));
      if (dead) {
        entries.forEach((entry) => fs.rmdirSync(path.join(folder, entry)));
        fs.rmdirSync(folder);
        removed += 1;
      }
    } catch {
      // another process removed or filled it meanwhile: not ours to touch
    }
  }
}

process.on('exit', () => {
  if (!RUNTIME_FOLDER.test(path.basename(runtimeDir))) {
    return;
  }
  try {
    fs.rmSync(runtimeDir, { recursive: true, force: true });
    sweepDeadRuntimes(path.dirname(runtimeDir));
  } catch {
    // the JVM deletes the files on its exit too
  }
});

// what V8 compiled for the kernel and the packages it loads, kept in the user cache from one run to the next
// (compile-cache.js), under file names that repeat from run to run (stable-paths.js); CLS_NODE_CODE_CACHE=off
// compiles everything afresh (benchmarks compare both), CLS_NODE_CODE_CACHE_TRACE=<file> lists what it served
const compileCache = process.env.CLS_NODE_CODE_CACHE === 'off' ? null : require('./compile-cache.js');
const cacheFolder = compileCache && compileCache.folderFor(process.env, compileCache.userHome());
if (compileCache && compileCache.install(cacheFolder, process.env.CLS_NODE_CODE_CACHE_TRACE)) {
  const stablePaths = require('./stable-paths.js');
  // a kernel in a temporary runtime folder of jsii's is named afresh each run: a copy runs instead; the user cache's
  // copy the Java side gives jsii (RuntimeScripts) keeps its name, so it runs as it is
  const stableProgram = RUNTIME_FOLDER.test(path.basename(runtimeDir))
    ? stablePaths.stableProgram(program, cacheFolder) : program;
  stablePaths.stableKernelFolder(() => require(stableProgram));
} else {
  require(program);
}
