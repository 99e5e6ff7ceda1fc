'use strict';
// The same file names from run to run for the code jsii's kernel runs, so compile-cache.js can serve it: node 20's
// V8 keeps the file name a script was compiled under in the code it deserializes, so the cache serves a module only
// under the name it was cached under. jsii names both afresh on every run:
// - its Java side extracts the kernel (lib/program.js, lib/runtime-index-worker.js) into a new temp folder: the
//   kernel runs from a copy in the cache folder instead, named by the SHA-256 of its files (so two jsii versions
//   never share one, and concurrent runs write the same content);
// - the kernel links the packages it loads into a new temp folder, `<tmp>/jsii-kernel-XXXXXX` (fs.mkdtempSync):
//   it gets `<tmp>/jsii-kernel-cls<uid>-<slot>` instead, where a slot is held by one live process at a time (an
//   abstract unix socket bound to a name made from the folder's path, which Linux releases when the process ends,
//   however it ends). Holding the slot, the process may remove what a killed holder left there. The kernel removes
//   the folder at its exit as it removes its own. Without a free slot, or where abstract sockets do not exist (not
//   Linux), the kernel's own folder: correct, only not cached.
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const SLOTS = 4; // concurrent runs of one user that get a stable folder
const KEEP_RUNTIMES = 3; // copies of the kernel kept (jsii upgrades)...
const KEEP_RUNTIME_MILLIS = 24 * 60 * 60 * 1000; // ...and any a run used within a day (it may be running it now)

/** The path of program.js in a copy of the kernel's lib folder under `folder`, or `program` when it cannot be made. */
function stableProgram(program, folder) {
  try {
    const lib = path.dirname(program);
    const files = fs.readdirSync(lib).sort();
    const contents = files.map((name) => fs.readFileSync(path.join(lib, name)));
    const digest = crypto.createHash('sha256');
    files.forEach((name, i) => digest.update(`${name}\0${contents[i].length}\0`).update(contents[i]));
    const runtimes = path.join(folder, 'runtimes');
    const target = path.join(runtimes, digest.digest('hex'));
    if (!fs.existsSync(target)) {
      fs.mkdirSync(runtimes, { recursive: true, mode: 0o700 });
      const temp = fs.mkdtempSync(path.join(runtimes, '.tmp-'));
      fs.mkdirSync(path.join(temp, 'lib'), { mode: 0o700 });
      files.forEach((name, i) => fs.writeFileSync(path.join(temp, 'lib', name), contents[i], { mode: 0o600 }));
      try {
        fs.renameSync(temp, target);
      } catch {
        fs.rmSync(temp, { recursive: true, force: true }); // a concurrent run made the same copy first
      }
      pruneRuntimes(runtimes, target);
    }
    // the copy must be what jsii extracted, file for file: anything else runs jsii's own, and is made afresh next run
    const copied = path.join(target, 'lib');
    if (fs.readdirSync(copied).sort().join('\0') !== files.join('\0')
        || !files.every((name, i) => contents[i].equals(fs.readFileSync(path.join(copied, name))))) {
      fs.rmSync(target, { recursive: true, force: true });
      return program;
    }
    const now = new Date();
    fs.utimesSync(target, now, now); // in use: kept by pruning
    return path.join(copied, path.basename(program));
  } catch {
    return program;
  }
}

function pruneRuntimes(runtimes, current) {
  const before = Date.now() - KEEP_RUNTIME_MILLIS;
  const copies = fs.readdirSync(runtimes)
    .map((name) => path.join(runtimes, name))
    .filter((copy) => copy !== current)
    .map((copy) => ({ copy, mtime: fs.statSync(copy).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  copies.slice(KEEP_RUNTIMES - 1).filter(({ mtime }) => mtime < before)
    .forEach(({ copy }) => fs.rmSync(copy, { recursive: true, force: true }));
}

/**
 * Makes the kernel's fs.mkdtempSync(`<tmp>/jsii-kernel-`) (its first only) return the first slot's folder no other
 * live process holds, made afresh and private (node's own folder if there is none, or it cannot be made); then calls
 * `done`. A slot's lock is named after its folder, so separate temp folders never compete.
 */
function stableKernelFolder(done) {
  const prefix = path.join(os.tmpdir(), 'jsii-kernel-');
  const hold = (slot) => {
    if (process.platform !== 'linux' || slot === SLOTS) {
      done();
      return;
    }
    const folder = `${prefix}cls${process.getuid()}-${slot}`;
    const lock = crypto.createHash('sha256').update(folder).digest('hex');
    const server = net.createServer((connection) => connection.destroy());
    server.once('error', () => hold(slot + 1));
    server.listen({ path: `\0clusterless-${lock}` }, () => {
      server.removeAllListeners('error').on('error', () => {}); // held: a later accept error changes nothing
      server.unref();
      replaceMkdtemp(prefix, folder);
      done();
    });
  };
  hold(0);
}

function replaceMkdtemp(prefix, folder) {
  const mkdtempSync = fs.mkdtempSync;
  let used = false;
  fs.mkdtempSync = function (requested, ...rest) {
    if (used || requested !== prefix) {
      return mkdtempSync.call(this, requested, ...rest);
    }
    used = true;
    try {
      fs.rmSync(folder, { recursive: true, force: true }); // a killed holder's: this process holds the slot now
      fs.mkdirSync(folder, { mode: 0o700 });
      return folder;
    } catch {
      return mkdtempSync.call(this, requested, ...rest);
    }
  };
}

module.exports = { stableProgram, stableKernelFolder };
