/**
 * Where the server listens unless told otherwise: loopback only. Kept apart from access.ts so that the command line
 * can show them in `--help` without loading the checks (and node:crypto and node:net with them).
 */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
