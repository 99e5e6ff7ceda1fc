'use strict';
// Loads the aws-cdk-lib files a synth will need while node has nothing else to do, before jsii's kernel asks for
// them. aws-cdk-lib loads nearly everything lazily: its index.js has a getter per submodule (aws_s3 =>
// require('./aws-s3')), and inside the submodules most files are required from function bodies on first use
// (core/lib/private/encoding.js at the first token, logs.generated.js at the first log group, fs-extra at the first
// asset...). So node used to load ~600 files inside construct and synth requests while the JVM waited, and sat idle in
// between, waiting for the JVM's next request. (Measured on a 3-stack synth: the submodules' index.js files are ~4% of
// that require time; the files their functions require on first use are the rest. Hence files, not submodules.)
//
// Which: the files under aws-cdk-lib's folder (its bundled node_modules included) that the previous run needed, in
// the order node loaded them, recorded at exit in <user cache>/node-code-cache/prewarm.json (the code cache's folder,
// compile-cache.js folderFor(): 0700 and the user's, the file 0600 and the user's, written to a temp file and
// renamed, or nothing is read or written). The record names the aws-cdk-lib folder it was made with (its real path:
// jsii's package cache keys it by the tarball's hash) and its version; a record for another folder or version, or one
// that is damaged, is ignored and replaced at exit. A file loaded only by the prewarm is not needed, and is not
// recorded again (see needed()).
//
// Why the order is kept: each file is loaded between two requests, when no module is half-loaded, and after the
// files recorded before it; the kernel itself loads only what it needs, which the recording run loaded in the same
// order. So for a synth of the same project every file meets the same modules already loaded as without the prewarm,
// only sooner (a cycle between modules resolves alike). For another project the order differs where the needs do;
// bench/synth-snapshot.sh synthesizes every example in turn, each replaying the last one's record.
//
// When: only while no request is waiting. PROTOCOL FACT (ADR-worthy, not a wire change): the host reads ahead of the
// kernel. Before the kernel's blocking read of its next request, the host reads the request pipe through a second,
// non-blocking descriptor of it (/proc/self/fd/<stdin>: Linux only; elsewhere, or when stdin is not a pipe, there is
// no prewarm at all). Whatever that read returns goes into the kernel's own buffer as the result of the kernel's
// read, so no byte is held anywhere else and the order is the pipe's. Only when it finds nothing (EAGAIN) does the
// host load one file, then look again. End of input and read errors are left to the kernel's ordinary blocking
// read on stdin, which meets them exactly as before. The host never reads ahead in the middle of a request line (the
// kernel's buffer holds part of a request: the rest is coming), and stops reading ahead when the list is done.
//
// How: one file per idle check, through the file name the kernel's own require would use (the package folder as the
// kernel's module cache names it: under --preserve-symlinks, the kernel's link to jsii's package cache), so node's
// module cache is shared and nothing loads twice. Only once the kernel has loaded aws-cdk-lib itself. A file that
// fails to load stops the prewarm: node drops it from its cache and the kernel meets the same error when it needs it.
//
// jsii-host.js installs it unless CLS_PREWARM=off. CLS_PREWARM_TRACE=<file> appends what happened at exit:
// `list none|matched|ignored <why>`, `prewarmed <file>` and `failed <file>` in order, `ahead <n>` (requests the
// read-ahead returned), `recorded <files...>` or `kept`.
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
// the cache folder's rules: the user's own folder (0700) and files (0600), as the code cache's
const { ownedPrivate, privateFolder } = require('./compile-cache.js');

const PACKAGE = 'aws-cdk-lib';
const FILE = 'prewarm.json';
const FORMAT = 1;
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 20000;
const NEWLINE = 0x0a;

/** A file of the package, relative to its folder: a module node loads (.js, .json), never outside the folder. */
function packageFile(file) {
  return typeof file === 'string' && file.length <= 1024 && /\.(js|json)$/.test(file) && !file.includes('\0')
    && !path.isAbsolute(file) && path.normalize(file) === file && !file.split(path.sep).includes('..');
}

/** { record, why }: the record in `file`, or null and why not. */
function readRecord(file) {
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return { record: null, why: 'none' };
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile() || !ownedPrivate(stats) || stats.size > MAX_BYTES) {
      return { record: null, why: 'ignored not private' };
    }
    const record = JSON.parse(fs.readFileSync(fd, 'utf8'));
    const valid = record && record.format === FORMAT && typeof record.package === 'string'
      && typeof record.version === 'string' && Array.isArray(record.files) && record.files.length <= MAX_FILES
      && record.files.every(packageFile);
    return valid ? { record, why: null } : { record: null, why: 'ignored damaged' };
  } catch {
    return { record: null, why: 'ignored damaged' };
  } finally {
    fs.closeSync(fd);
  }
}

function writeRecord(folder, record) {
  const temp = path.join(folder, `.${FILE}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, JSON.stringify(record), { flag: 'wx', mode: 0o600 });
    fs.renameSync(temp, path.join(folder, FILE));
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** The folder of the aws-cdk-lib the kernel loaded (fully), as node's module cache names it; null before. */
function loadedPackage() {
  const suffix = `${path.sep}${PACKAGE}${path.sep}index.js`;
  for (const file in Module._cache) {
    if (file.endsWith(suffix) && Module._cache[file].loaded) {
      return path.dirname(file);
    }
  }
  return null;
}

/** What names that package: its real folder and its version; null when unreadable. */
function identity(folder) {
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
    return typeof version === 'string' ? { package: fs.realpathSync(folder), version } : null;
  } catch {
    return null;
  }
}

/**
 * A second descriptor of the pipe on `fd`, non-blocking, reading from the same pipe; null where there is none
 * (not Linux, not a pipe, /proc not mounted).
 */
function aheadDescriptor(fd) {
  if (process.platform !== 'linux') {
    return null;
  }
  let ahead = null;
  try {
    const pipe = fs.fstatSync(fd);
    if (!pipe.isFIFO()) {
      return null; // a file opened again would read from its start
    }
    ahead = fs.openSync(`/proc/self/fd/${fd}`, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const opened = fs.fstatSync(ahead);
    if (opened.isFIFO() && opened.ino === pipe.ino && opened.dev === pipe.dev) {
      return ahead;
    }
  } catch {
    // no /proc, or not allowed: no prewarm
  }
  if (ahead !== null) {
    fs.closeSync(ahead);
  }
  return null;
}

/**
 * Reads the record in `folder` and returns the read hook for the kernel's reads of requests from `requestsFd`
 * (read(blockingRead, args): args as the kernel passes them to fs.readSync after the fd), or null when `folder` is not
 * the user's alone. Records at exit what this run needed, whether anything was prewarmed or not.
 */
function install(folder, requestsFd, traceFile) {
  if (typeof process.getuid !== 'function') {
    return null;
  }
  const safeFolder = privateFolder(folder);
  if (!safeFolder) {
    return null;
  }
  const file = path.join(safeFolder, FILE);
  const { record, why } = readRecord(file);
  const trace = [];
  const prewarmed = new Set(); // the Module objects the prewarm loaded
  const queue = record ? record.files : [];
  let next = 0; // queue[next] is the next file to load
  let waiting = queue.length > 0; // for the kernel to load aws-cdk-lib
  let active = false; // reading ahead and prewarming
  let packageFolder = null;
  let parent = null; // the prewarm's requires come from it, and nobody requires it: see needed()
  let ahead = null;
  let midLine = false;
  let aheadReads = 0;
  if (!record) {
    trace.push(`list ${why}`);
  }

  function start() {
    waiting = false;
    packageFolder = loadedPackage();
    const found = packageFolder && identity(packageFolder);
    if (!found || found.package !== record.package || found.version !== record.version) {
      trace.push('list ignored other package');
      return;
    }
    trace.push('list matched');
    ahead = aheadDescriptor(requestsFd);
    if (ahead === null) {
      return;
    }
    parent = new Module(path.join(packageFolder, 'index.js'), null);
    parent.filename = path.join(packageFolder, 'index.js');
    parent.paths = Module._nodeModulePaths(packageFolder);
    active = true;
  }

  function stop() {
    active = false;
    next = queue.length;
    try {
      fs.closeSync(ahead);
    } catch {
      // closed at exit anyway
    }
  }

  /** Loads the next file not loaded yet; false when there is none, or it failed. */
  function prewarmNext() {
    while (next < queue.length) {
      const file = queue[next++];
      const filename = path.join(packageFolder, file);
      if (Module._cache[filename]) {
        continue;
      }
      // what loads while this require runs is the prewarm's (nothing else runs meanwhile): noted as node loads it
      const load = Module.prototype.load;
      Module.prototype.load = function prewarmLoad(...args) {
        prewarmed.add(this);
        return load.apply(this, args);
      };
      try {
        parent.require(filename);
      } catch {
        trace.push(`failed ${file}`);
        return false;
      } finally {
        Module.prototype.load = load;
      }
      trace.push(`prewarmed ${file}`);
      return true;
    }
    return false;
  }

  /** The kernel's read of its next request: read ahead while prewarming, else the blocking read, as before. */
  function read(blockingRead, args) {
    if (waiting && loadedPackage() !== null) {
      start();
    }
    while (active && !midLine) {
      let count = -1;
      try {
        count = fs.readSync(ahead, ...args);
      } catch (e) {
        if (e.code !== 'EAGAIN') {
          stop(); // the blocking read meets whatever this was
          break;
        }
      }
      if (count > 0) {
        aheadReads += 1;
        midLine = lastByte(args, count) !== NEWLINE;
        return count;
      }
      if (count === 0 || !prewarmNext()) {
        if (count !== 0) {
          stop();
        }
        break; // end of input: the blocking read returns it
      }
    }
    const count = blockingRead(...args);
    if (active) {
      midLine = count > 0 && lastByte(args, count) !== NEWLINE;
    }
    return count;
  }

  /** Which files of aws-cdk-lib (loaded from `folderOf`) this run needed, in the order they were loaded. */
  function needed(folderOf) {
    // needed: what the kernel and its packages loaded, and what they reached through require, which records a module
    // as its requirer's child also when it was already loaded (a getter's require of a prewarmed file). The prewarm's
    // own requires come from a parent nobody reaches.
    const modules = Object.values(Module._cache);
    const reached = new Set();
    const pending = modules.filter((module) => !prewarmed.has(module));
    while (pending.length > 0) {
      const module = pending.pop();
      if (!reached.has(module)) {
        reached.add(module);
        pending.push(...module.children);
      }
    }
    const inside = folderOf + path.sep;
    return modules.filter((module) => reached.has(module) && module.filename.startsWith(inside))
      .map((module) => module.filename.slice(inside.length))
      .filter(packageFile)
      .slice(0, MAX_FILES);
  }

  process.on('exit', () => {
    if (aheadReads > 0) {
      trace.push(`ahead ${aheadReads}`);
    }
    try {
      const folderOf = loadedPackage();
      const found = folderOf && identity(folderOf);
      if (found) {
        const files = needed(folderOf);
        const now = { format: FORMAT, package: found.package, version: found.version, files };
        if (JSON.stringify(now) === JSON.stringify(record)) {
          trace.push('kept');
        } else {
          writeRecord(safeFolder, now);
          trace.push(`recorded ${files.join(' ')}`);
        }
      }
    } catch {
      // a full disk or a removed folder: the next run loads as it needs, and records again
    }
    if (traceFile) {
      fs.appendFileSync(traceFile, trace.map((line) => `${line}\n`).join(''));
    }
  });

  return { read };
}

/** The last byte the kernel's read put into its buffer (args: buffer, offset, ... as fs.readSync takes them). */
function lastByte(args, read) {
  const [buffer, offsetOrOptions] = args;
  const offset = typeof offsetOrOptions === 'number' ? offsetOrOptions
    : (offsetOrOptions && typeof offsetOrOptions.offset === 'number' ? offsetOrOptions.offset : 0);
  return buffer[offset + read - 1];
}

module.exports = { install };
