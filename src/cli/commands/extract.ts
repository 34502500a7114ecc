import type { Command } from 'commander';

/** Placeholder until the command lands; replaced by its owner. */
export function registerExtract(_program: Command): void {}
