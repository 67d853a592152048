// The code a regex worker runs, as plain CommonJS in a string for
// `new Worker(source, { eval: true })`. A string is the one form that runs
// unchanged under jest (which transpiles our TypeScript but never a worker's
// entry file) and in the built package (whose rollup output holds only
// modules reachable by import, so a separate worker file would have to be
// listed in `files` and located on disk). It must stay self-contained: it
// may require only node built-ins and re2js, whose path the pool passes in
// `workerData` because an eval'd worker resolves bare names from the
// working directory, not from this package.
//
// A request is `{ source, text }`; the reply is `{ index }`, where the
// first matching line starts (or the match, when it spans lines), -1 for
// none, or `{ error }` when the regex does not compile.

/** The worker's code. */
export const MATCH_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { RE2JS } = require(workerData.re2js);

// Patterns repeat across entities and scans; compiling costs far more than
// a lookup. The cap keeps a catalog that churns through regexes from
// growing it.
const MAX_CACHED = 500;
const compiled = new Map();

function compile(source) {
  let re = compiled.get(source);
  if (!re) {
    re = RE2JS.compile(source, RE2JS.MULTILINE);
    if (compiled.size >= MAX_CACHED) {
      compiled.delete(compiled.keys().next().value);
    }
    compiled.set(source, re);
  }
  return re;
}

// \\A, \\z and turning multi-line mode off make a line on its own behave
// differently from the same line inside the file.
const NEEDS_WHOLE_TEXT = /\\\\[Az]|\\(\\?[a-zA-Z]*-/;

// RE2's DFA answers "is there a match" fast, but locating a match start
// takes its slower NFA. So the whole text is tested first, then each line
// on its own; only a match that needs several lines is located with the NFA.
function firstMatchIndex(re, text) {
  if (!re.test(text)) return -1;
  if (!NEEDS_WHOLE_TEXT.test(re.pattern())) {
    for (let start = 0; ; ) {
      const end = text.indexOf('\\n', start);
      const stop = end === -1 ? text.length : end;
      const cut = text[stop - 1] === '\\r' ? stop - 1 : stop;
      if (re.test(text.slice(start, cut))) return start;
      if (end === -1) break;
      start = end + 1;
    }
  }
  const matcher = re.matcher(text);
  return matcher.find() ? matcher.start() : -1;
}

parentPort.on('message', ({ source, text }) => {
  let reply;
  try {
    reply = { index: firstMatchIndex(compile(source), text) };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  parentPort.postMessage(reply);
});
`;
