'use strict';
// A stand-in for jsii's node side with the relay's contract (protocol on stdin/stdout, console output wrapped as
// {"stderr": base64} lines on stderr): it greets as jsii's runtime does and, told to exit, writes a console line after
// a pause (long enough for jsii's relay thread to be asleep by then) and exits. Usage: node last-words.js <greeting>
const fs = require('fs');

fs.writeSync(1, `${JSON.stringify({ hello: process.argv[2] })}\n`);
let input = '';
process.stdin.on('data', (chunk) => {
  input += chunk;
  if (input.includes('"exit"')) {
    setTimeout(() => {
      fs.writeSync(2, `${JSON.stringify({ stderr: Buffer.from('last words\n').toString('base64') })}\n`);
      process.exit(0);
    }, 300);
  }
});
