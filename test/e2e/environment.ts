import { N8nServer, packPackage, root, scratchDir } from '../../scripts/n8n/n8n';
import { childProcess, env, fs, net, os, path, schedule } from '../platform/node';

/** Ports the examples were written for (see scripts/start.mjs); e2e runs rewrite them to free ones. */
export const EXAMPLE_SINK = 'http://127.0.0.1:4020';

export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (!address || typeof address === 'string') throw new Error('no port');
	return address.port;
}

export function readExample(
	file: string,
	replacements: Record<string, string>,
): Record<string, unknown> {
	let text = fs.readFileSync(path.join(root, 'examples', file), 'utf8');
	for (const [from, to] of Object.entries(replacements)) text = text.split(from).join(to);
	return JSON.parse(text) as Record<string, unknown>;
}

/** The shell commands of README's "Install into an existing n8n" section (its first bash block). */
export function readmeInstallCommands(): string[] {
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const section = readme.split(/^## /m).find((part) => part.startsWith('Install into an existing n8n'));
	const block = section && /```bash\n([\s\S]*?)```/.exec(section)?.[1];
	if (!block) throw new Error('README has no bash block under "## Install into an existing n8n"');
	return block
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'));
}

/** The tarball name README tells the user to install: `npm pack`'s name for this version. */
export function packedName(): string {
	const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
	};
	return `${name}-${version}.tgz`;
}

/**
 * Installs the package the way README's "Install into an existing n8n" tells a user to, into a
 * separate n8n user folder used as the home directory (n8n's default user folder is ~). The first
 * command (build and `npm pack` in a clone of this repository) is what `packPackage` does here;
 * every later line runs verbatim, with the tarball path filled in.
 */
export function installAsReadmeSays(home: string, tarball: string): void {
	const [packLine, ...userLines] = readmeInstallCommands();
	if (!/npm pack\b/.test(packLine)) throw new Error(`README's install block should start by packing: ${packLine}`);
	const script = userLines.map((line) => line.replace(`/path/to/${packedName()}`, tarball));
	if (!script.some((line) => line.includes(tarball))) {
		throw new Error(`README's install block does not install /path/to/${packedName()}`);
	}
	childProcess.execFileSync('bash', ['-euo', 'pipefail', '-c', script.join('\n')], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'pipe'],
		// The user's npm settings stay theirs (registry, CA file) while ~ is the new user folder.
		env: { ...env, HOME: home, npm_config_userconfig: path.join(os.homedir(), '.npmrc') },
	});
}

/**
 * A fresh n8n 2.40.7 in a separate user folder, with this package installed from its npm tarball
 * as README's "Install into an existing n8n" says, owner created.
 */
export async function startN8n(): Promise<N8nServer> {
	const userFolder = fs.mkdtempSync(path.join(scratchDir('e2e'), 'n8n-'));
	const server = new N8nServer({
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
	});
	const tarball = packPackage(path.join(userFolder, 'pack'));
	if (path.basename(tarball) !== packedName()) {
		throw new Error(`npm pack made ${path.basename(tarball)}, README installs ${packedName()}`);
	}
	installAsReadmeSays(userFolder, tarball);
	await server.start();
	return server;
}

export async function waitFor(
	what: string,
	condition: () => boolean,
	timeoutMs: number,
): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise<void>((resolve) => schedule(resolve, 250));
	}
}
