'use strict';
// A V8 code cache for the CommonJS modules this node process compiles after install(): jsii's kernel and the
// packages it loads (aws-cdk-lib above all, ~680 files and 8 MB of source per synth). Node 20 compiles every one of
// them afresh on each start (node 22's module.enableCompileCache is not there), and most of that happens while the
// JVM waits on a jsii round trip. The cache holds what V8 compiled by the end of a run, lazily compiled functions
// included, so a later run deserializes instead of parsing and compiling.
//
// What makes a wrong or foreign cache unusable, rather than unlikely:
// - one file per node version, architecture and v8.cachedDataVersionTag() (V8's version, flags and CPU features),
//   named after them and recording them in its header;
// - each entry is keyed by the SHA-256 of the module's file name and source (V8 itself checks only the source's
//   length), so a changed file never meets an old entry, whatever its time stamps; the name is part of the key
//   because node 20's V8 keeps the file name a script was compiled under in the code it deserializes (stack
//   traces, and import() from the module, would name the old file): stable-paths.js gives jsii's kernel and its
//   packages the same file names from run to run;
// - each entry and the index carry a CRC-32 (V8 checks none in release builds): a damaged or truncated file is
//   ignored, an entry is checked when it is read (when its module is compiled, even if damaged after install read
//   the index), an entry copied unused into a rewritten file keeps the CRC it was first written with, and V8's own
//   rejection (script.cachedDataRejected) just compiles afresh; either way the file is rewritten at exit;
// - the folder is 0700 and the file 0600, both the user's own, or the cache is not used at all (cached code is
//   code: nobody else may be able to plant it); files are written to a private temp file and renamed, and a run
//   reads entries through the descriptor it read the index from, so a concurrent run's rename never mixes two files.
// Cost: install reads the header and the index only (~270 kB for 6,000 entries), an entry is read when used; the
// file holds every project's modules and a synth uses a fraction of them.
// Size: at most LIMIT_BYTES of entries per file (this run's first, then older ones), at most KEEP_FILES files.
//
// Compiling through vm.Script instead of node's loader keeps the module's behaviour: the same wrapper arguments
// (a require built as node builds it), the same line and column numbers in stack traces (the wrapper's head is
// given as a negative column offset). Anything unusual (ESM, a compile error, a patched Module.wrap) goes to node's
// own _compile, and so does every module that may call import(): node 20's V8 restores a cached script with the
// import() handler of the process that cached it, which this process does not know (import() then fails, also
// from code the module makes with eval or new Function). A module is cached only when its source has none of the
// words import, eval, Function(; of a synth's ~680 modules one (51 kB) has any. (Code that reaches eval by another
// name could not import() whether cached or not: the cache compiles without an import() handler, so a run with a
// cold cache and one with a warm cache behave alike.)
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const zlib = require('zlib');

const MAGIC = Buffer.from('CLSV8CC1');
const HEADER_BYTES = MAGIC.length + 32 + 4 + 4; // magic, configuration hash, entry count, index CRC
const KEY_BYTES = 32;
const INDEX_ENTRY_BYTES = KEY_BYTES + 4 + 4 + 4; // key, offset, length, data CRC
const LIMIT_BYTES = 96 * 1024 * 1024;
const KEEP_FILES = 3; // this configuration's file and the two most recently written others (node upgrades)
const STALE_TEMP_MILLIS = 60 * 60 * 1000;
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
// the words by which a module's source reaches import(), itself or through code it makes
const MAY_IMPORT = /\bimport\b|\beval\b|\bFunction\s*\(/;
const TAIL = '\n});';

/** The folder the cache lives in: UserCache.root's rule (clusterless-engine), then node-code-cache. */
function folderFor(environment, home) {
  let root;
  if (environment.CLS_CACHE_DIR && environment.CLS_CACHE_DIR.trim()) {
    root = environment.CLS_CACHE_DIR;
  } else if (environment.XDG_CACHE_HOME && environment.XDG_CACHE_HOME.trim()) {
    root = path.join(environment.XDG_CACHE_HOME, 'clusterless');
  } else {
    root = path.join(home, '.cache', 'clusterless');
  }
  return path.join(root, 'node-code-cache');
}

/** The home folder as Java's user.home reads it: the password database's entry, else $HOME. */
function userHome() {
  try {
    return require('os').userInfo().homedir;
  } catch {
    return require('os').homedir();
  }
}

function configuration() {
  const text = `${process.version} ${process.arch} ${v8.cachedDataVersionTag()}`;
  return {
    name: `${process.version}-${process.arch}-${v8.cachedDataVersionTag().toString(16)}.bin`,
    hash: crypto.createHash('sha256').update(text).digest(),
  };
}

function ownedPrivate(stats) {
  return stats.uid === process.getuid() && (stats.mode & 0o077) === 0;
}

/** The folder, made 0700 if missing; null when it is not the user's alone. */
function privateFolder(folder) {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stats = fs.lstatSync(folder);
    return stats.isDirectory() && ownedPrivate(stats) ? folder : null;
  } catch {
    return null;
  }
}

/**
 * A cache file's index, read at install: `entries`, key (latin1 string) -> the entry's position in the index, and
 * `entry(position)` -> { offset, length, crc } (only the keys become strings: 6,000 entries as objects cost ~10 ms
 * of a node start, as positions ~2 ms). An entry's bytes are read only when its module is compiled (a synth uses a
 * fraction of a file that holds every project's modules), from the descriptor opened here and kept open for the
 * process's life: a concurrent run renames its new file over the name, while this descriptor still reads the file
 * whose index it holds. Null when absent, foreign or damaged.
 */
function openCache(file, expectedHash) {
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile() || !ownedPrivate(stats) || stats.size < HEADER_BYTES || stats.size > 2 * LIMIT_BYTES) {
      throw new Error('not a private cache file');
    }
    const header = readAt(fd, HEADER_BYTES, 0);
    if (header === null || !header.subarray(0, MAGIC.length).equals(MAGIC)
        || !header.subarray(MAGIC.length, MAGIC.length + 32).equals(expectedHash)) {
      throw new Error('another configuration');
    }
    const count = header.readUInt32LE(MAGIC.length + 32);
    const indexEnd = HEADER_BYTES + count * INDEX_ENTRY_BYTES;
    const index = indexEnd <= stats.size ? readAt(fd, indexEnd - HEADER_BYTES, HEADER_BYTES) : null;
    if (index === null || zlib.crc32(index) !== header.readUInt32LE(MAGIC.length + 36)) {
      throw new Error('a damaged index');
    }
    const view = new DataView(index.buffer, index.byteOffset, index.length);
    const keys = index.latin1Slice(0, index.length);
    const entries = new Map();
    for (let at = 0; at < index.length; at += INDEX_ENTRY_BYTES) {
      const offset = view.getUint32(at + KEY_BYTES, true);
      if (offset < indexEnd || offset + view.getUint32(at + KEY_BYTES + 4, true) > stats.size) {
        throw new Error('truncated');
      }
      entries.set(keys.substring(at, at + KEY_BYTES), at);
    }
    const entry = (at) => ({
      offset: view.getUint32(at + KEY_BYTES, true),
      length: view.getUint32(at + KEY_BYTES + 4, true),
      crc: view.getUint32(at + KEY_BYTES + 8, true),
    });
    return { fd, entries, entry };
  } catch {
    fs.closeSync(fd);
    return null;
  }
}

/** `length` bytes of `fd` from `position`, or null when the file ends first (truncated since). */
function readAt(fd, length, position, buffer = Buffer.allocUnsafe(length)) {
  let read = 0;
  while (read < length) {
    const n = fs.readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) {
      return null;
    }
    read += n;
  }
  return buffer.subarray(0, length);
}

/** An entry's cached data as the index describes it, or undefined when it is empty, cut short or damaged. */
function entryData(cache, entry) {
  if (!entry || entry.length === 0) {
    return undefined;
  }
  try {
    const data = readAt(cache.fd, entry.length, entry.offset);
    return data !== null && zlib.crc32(data) === entry.crc ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file of `entries`: { key, data } compiled this run (its CRC computed here), or { key, length, crc,
 * offset } copied from the old file's descriptor `from` with the CRC the old file recorded for it, so bytes damaged
 * there stay detected. The data goes first and the header and index last, so that a copy the old file no longer
 * holds (truncated in place) is left out of the index.
 */
function writeEntries(folder, name, hash, entries, from) {
  const dataStart = HEADER_BYTES + entries.length * INDEX_ENTRY_BYTES;
  const temp = path.join(folder, `.${name}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  const writeAll = (data, position) => {
    let written = 0;
    while (written < data.length) {
      written += fs.writeSync(fd, data, written, data.length - written, position + written);
    }
  };
  try {
    const index = Buffer.alloc(entries.length * INDEX_ENTRY_BYTES);
    let count = 0;
    let offset = dataStart;
    let copy = Buffer.alloc(0);
    for (const entry of entries) {
      let data = entry.data;
      if (!data) {
        if (copy.length < entry.length) {
          copy = Buffer.allocUnsafe(Math.max(entry.length, 1024 * 1024));
        }
        data = readAt(from, entry.length, entry.offset, copy);
        if (data === null) {
          continue;
        }
      }
      writeAll(data, offset);
      const at = count++ * INDEX_ENTRY_BYTES;
      index.latin1Write(entry.key, at, KEY_BYTES);
      index.writeUInt32LE(offset, at + KEY_BYTES);
      index.writeUInt32LE(data.length, at + KEY_BYTES + 4);
      index.writeUInt32LE(entry.data ? zlib.crc32(data) : entry.crc, at + KEY_BYTES + 8);
      offset += data.length;
    }
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    hash.copy(header, MAGIC.length);
    header.writeUInt32LE(count, MAGIC.length + 32);
    header.writeUInt32LE(zlib.crc32(index.subarray(0, count * INDEX_ENTRY_BYTES)), MAGIC.length + 36);
    writeAll(Buffer.concat([header, index]), 0); // the index's unused tail (entries left out) stays zeros
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, path.join(folder, name));
}

/** Removes temp files of writers that died, and cache files beyond the KEEP_FILES most recently written. */
function prune(folder, name) {
  const now = Date.now();
  const others = [];
  for (const entry of fs.readdirSync(folder)) {
    const file = path.join(folder, entry);
    try {
      const stats = fs.lstatSync(file);
      if (entry.endsWith('.tmp') && entry.startsWith('.') && now - stats.mtimeMs > STALE_TEMP_MILLIS) {
        fs.rmSync(file, { force: true });
      } else if (entry.endsWith('.bin') && entry !== name && stats.isFile()) {
        others.push({ file, mtime: stats.mtimeMs });
      }
    } catch {
      // removed meanwhile by a concurrent run
    }
  }
  others.sort((a, b) => b.mtime - a.mtime).slice(KEEP_FILES - 1).forEach(({ file }) => fs.rmSync(file, { force: true }));
}

/**
 * Compiles CommonJS modules through the cache in `folder` from now on, and writes the cache at exit when this run
 * compiled anything it did not hold. Returns whether it is in use (not on platforms or node versions without what it
 * needs, nor when the folder is not private). With `traceFile`, appends a line per module to it at exit:
 * `served <file>` (V8 took the cached code), `compiled <file>` (none, or V8 refused it) or `uncached <file>` (it may
 * call import(): node compiled it), then `saved` when the cache file was rewritten.
 */
function install(folder, traceFile) {
  if (typeof zlib.crc32 !== 'function' || typeof process.getuid !== 'function' || process.sourceMapsEnabled
      || process.execArgv.some((arg) => arg.startsWith('--experimental-policy'))) {
    return false; // node before 20.15, Windows; source maps and policies need node's own loader
  }
  const safeFolder = privateFolder(folder);
  if (!safeFolder) {
    return false;
  }
  const { name, hash } = configuration();
  const file = path.join(safeFolder, name);
  const cache = openCache(file, hash);
  const held = cache ? cache.entries : new Map();
  const compiled = new Map(); // key -> vm.Script, compiled this run without usable cached data
  const served = new Set(); // keys whose cached data V8 accepted this run
  const trace = [];
  let dirty = !cache && fs.existsSync(file);

  const originalCompile = Module.prototype._compile;
  const originalWrap = Module.wrap;

  function mayImport(content) {
    // the regular expression only where a word occurs (most sources have none)
    return (content.includes('import') || content.includes('eval') || content.includes('Function'))
      && MAY_IMPORT.test(content);
  }

  /** The module's wrapper function, compiled with the cached code held for it if any; null: for node to compile. */
  function compile(content, filename) {
    const key = crypto.createHash('sha256').update(filename).update('\0').update(content).digest('latin1');
    const entry = held.has(key) ? cache.entry(held.get(key)) : undefined;
    // an entry is only ever made for a source without those words, and the key holds the source: checked on misses
    // only (searching a synth's 8 MB of source cost ~10 ms)
    if (!entry && mayImport(content)) {
      trace.push(`uncached ${filename}`);
      return null;
    }
    const cachedData = entryData(cache, entry);
    const script = new vm.Script(HEAD + content + TAIL, {
      filename,
      columnOffset: -HEAD.length,
      cachedData,
    });
    const accepted = cachedData !== undefined && !script.cachedDataRejected;
    trace.push(`${accepted ? 'served' : 'compiled'} ${filename}`);
    if (accepted) {
      served.add(key);
    } else {
      compiled.set(key, script);
      // an entry left empty by the size limit stays so; anything else was missing, damaged or rejected
      dirty = dirty || !(entry && entry.length === 0 && entry.crc === 0);
    }
    return script.runInThisContext({ displayErrors: true });
  }

  Module.prototype._compile = function compileCached(content, filename, format) {
    if (format === 'module' || Module.wrap !== originalWrap) {
      return originalCompile.call(this, content, filename, format);
    }
    let wrapper;
    try {
      wrapper = compile(content, filename);
    } catch {
      wrapper = null; // a syntax error, ESM syntax: node reports or handles it as it would have
    }
    if (wrapper === null) {
      return originalCompile.call(this, content, filename, format);
    }
    const module = this;
    const require = function require(id) {
      return module.require(id);
    };
    const resolve = function resolve(request, options) {
      return Module._resolveFilename(request, module, false, options);
    };
    resolve.paths = function paths(request) {
      return Module._resolveLookupPaths(request, module);
    };
    require.resolve = resolve;
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return Reflect.apply(wrapper, this.exports, [this.exports, require, this, filename, path.dirname(filename)]);
  };

  process.on('exit', () => {
    if (dirty) {
      try {
        save();
        trace.push('saved');
      } catch {
        // a full disk or a removed folder: the next run compiles afresh and tries again
      }
    }
    if (traceFile) {
      fs.appendFileSync(traceFile, trace.map((line) => `${line}\n`).join(''));
    }
  });

  function save() {
    const entries = [];
    let total = 0;
    const copy = (key) => ({ key, ...cache.entry(held.get(key)) }); // read from the old file as it is written
    const add = (entry) => {
      const length = entry.data ? entry.data.length : entry.length;
      const fits = total + length <= LIMIT_BYTES;
      entries.push(fits ? entry : { key: entry.key, data: Buffer.alloc(0) }); // empty: known, but over the limit
      total += fits ? length : 0;
    };
    for (const [key, script] of compiled) {
      add({ key, data: script.createCachedData() });
    }
    for (const key of served) {
      if (!compiled.has(key)) {
        add(copy(key));
      }
    }
    for (const key of held.keys()) {
      const entry = compiled.has(key) || served.has(key) ? null : copy(key);
      if (entry && entry.length > 0 && total + entry.length <= LIMIT_BYTES) {
        entries.push(entry);
        total += entry.length;
      }
    }
    writeEntries(safeFolder, name, hash, entries, cache && cache.fd);
    prune(safeFolder, name);
  }
  return true;
}

module.exports = { install, folderFor, userHome, ownedPrivate, privateFolder };
