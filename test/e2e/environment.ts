import { N8nServer, packPackage, root } from '../../scripts/n8n/n8n';
import { fs, net, path, schedule } from '../platform/node';

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

/** A fresh n8n 2.40.7 with this package installed from its npm tarball, owner created. */
export async function startN8n(): Promise<N8nServer> {
	const base = path.join(root, '.cache', 'e2e');
	fs.mkdirSync(base, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(base, 'n8n-'));
	const server = new N8nServer({
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
	});
	server.installPackage(packPackage(path.join(userFolder, 'pack')));
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
