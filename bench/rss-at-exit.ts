import { writeFileSync } from 'node:fs';

/**
 * Preloaded into a process a bench measures (`node --import <this> …`):
 * writes the process's peak resident memory (all threads, as the kernel
 * counts it) to the file named by NEWSFUSE_RSS_FILE when it exits, so that a
 * short command's peak is exact rather than sampled from outside.
 */
const file = process.env.NEWSFUSE_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
