/**
 * `npm run bench [-- name...]`: runs the named benches (all when none given).
 * Each bench prints its table and writes bench/results/<name>.json.
 */
const BENCHES = ['extract', 'cluster', 'relate', 'brief', 'ingest', 'scale'] as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !(BENCHES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown bench ${unknown.join(', ')}; known: ${BENCHES.join(', ')}\n`);
    process.exit(2);
  }
  const chosen = names.length > 0 ? names : [...BENCHES];
  for (const name of chosen) {
    process.stdout.write(`\n## ${name}\n\n`);
    const mod = (await import(`./${name}.js`)) as { run: (args: string[]) => Promise<void> };
    await mod.run(args.filter((a) => a.startsWith('-')));
  }
}

await main();
