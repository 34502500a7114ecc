import type { Command } from 'commander';

/** Placeholder until the command lands; replaced by its owner. */
export function registerServe(_program: Command): void {}
