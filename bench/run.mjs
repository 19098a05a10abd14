// `npm run bench:cpu [-- --profile] [-- --items=N --runs=N]`: compiles the benchmark, the node and
// the simulator with bench/tsconfig.json into .cache/bench (as scripts/start.mjs compiles the
// demo), then runs bench/mazrica-bulk.ts. `--profile` also writes a V8 CPU profile of the n8n
// process to .cache/bench/profiles (open it in Chrome DevTools → Performance).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = {
	...process.env,
	N8N_USER_FOLDER: process.env.N8N_USER_FOLDER ?? join(root, '.cache/bench/n8n'),
	N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'silent',
};
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });

run(bin('tsc'), ['-p', 'bench/tsconfig.json']);
// The shared layer is imported as @japan-saas/shared/…; rewrite those to relative paths.
run(bin('tsc-alias'), ['-p', 'bench/tsconfig.json']);
// test/platform/node.js is plain JavaScript (see its header); tsc only reads its .d.ts.
cpSync(join(root, 'test/platform/node.js'), join(root, '.cache/bench/test/platform/node.js'));

const args = process.argv.slice(2);
const profile = args.includes('--profile');
const profileDir = join(root, '.cache/bench/profiles');
if (profile) mkdirSync(profileDir, { recursive: true });
run(process.execPath, [
	...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
	join(root, '.cache/bench/bench/mazrica-bulk.js'),
	...args.filter((arg) => arg !== '--profile'),
]);
if (profile) console.log(`CPU profile written to ${profileDir}`);
