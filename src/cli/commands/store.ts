import type { Command } from 'commander';

/** Placeholder until the command lands; replaced by its owner. */
export function registerStore(_program: Command): void {}
