// Preloaded (node --require) into a command a benchmark measures: at its exit, writes its peak
// resident memory (bytes) to the file $MAX_RSS_FILE. The process's own figure, not a sampler's.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
