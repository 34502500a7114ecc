import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Preloaded into a process a bench measures (`node --import <this> …`):
 * writes the process's peak resident memory in KiB (all threads share it) to
 * the file named by NEWSFUSE_RSS_FILE when it exits, so that a short
 * command's peak is exact rather than sampled from outside.
 *
 * Linux's VmHWM, not `resourceUsage().maxRSS`: a spawned child is forked from
 * the bench before it runs node, and getrusage keeps the largest resident set
 * the process had across that exec, so maxRSS reported the bench's own size
 * (628 MiB for a one-article ingest of 130 MiB, measured after a full bench
 * run in one process). maxRSS stays the fallback where /proc is missing.
 */
function peakKiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.NEWSFUSE_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(peakKiB())));
