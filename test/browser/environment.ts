import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { CHROMIUM_ARGS, findChromium } from '../../scripts/browser/chromium';
import { startDemoN8n } from '../../scripts/n8n/demo';
import type { N8nServer } from '../../scripts/n8n/n8n';
import { n8nPackageDir, root, scratchDir } from '../../scripts/n8n/n8n';
import { EXAMPLE_SINK, freePort } from '../e2e/environment';
import {
	childProcess,
	env,
	fs,
	http,
	nodeExecPath,
	path,
	type IncomingMessage,
	type Socket,
} from '../platform/node';
import { startDemoSimulators, type DemoServices } from '../simulators/demo';

/**
 * Debian's Chromium, installed here when missing (apt-get as root, by scripts/browser/chromium.js);
 * undefined, with the reason, when it cannot be had.
 */
export function chromiumOrReason(): { executable?: string; reason?: string } {
	const found = findChromium();
	if (found) return { executable: found };
	try {
		childProcess.execFileSync(nodeExecPath, ['scripts/browser/chromium.js'], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'pipe'],
		});
	} catch (error) {
		const stderr = String((error as { stderr?: unknown }).stderr ?? '');
		return { reason: stderr.trim() || String(error) };
	}
	const installed = findChromium();
	return installed ? { executable: installed } : { reason: 'chromium was installed but does not run' };
}

export interface DemoEnvironment {
	services: DemoServices;
	n8n: N8nServer;
	/** Every attempt of n8n to reach a host outside this machine, one JSON line each. */
	outboundLog: string;
	stop(): Promise<void>;
}

/**
 * The `npm start` demo (scripts/n8n/demo.js: the package from its tarball, the simulators'
 * credentials, every example), on free ports, in a fresh user folder.
 */
export async function startDemoEnvironment(): Promise<DemoEnvironment> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const services = await startDemoSimulators({ mazrica: 0, yappli: 0, rodem: 0, sink: 0 }, [
		`${url}/rest/oauth2-credential/callback`,
	]);
	const base = scratchDir('browser');
	// Keep only this run's n8n and browser profile (about 100 MB each), for a look after a failure.
	for (const entry of fs.readdirSync(base)) {
		if (/^(n8n|profile)-/.test(entry)) fs.rmSync(path.join(base, entry), { recursive: true, force: true });
	}
	const userFolder = fs.mkdtempSync(path.join(base, 'n8n-'));
	const outboundLog = path.join(userFolder, 'outbound.jsonl');
	const { n8n } = await startDemoN8n({
		userFolder,
		port,
		brokerPort: await freePort(),
		credentials: services.credentials,
		replacements: { [EXAMPLE_SINK]: services.sink.url },
		outboundLog,
	});
	if (n8n.url !== url) throw new Error(`n8n runs at ${n8n.url}, the callback was registered for ${url}`);
	return {
		services,
		n8n,
		outboundLog,
		stop: async () => {
			await n8n.stop();
			await Promise.all(services.all.map(({ simulator }) => simulator.stop()));
		},
	};
}

export interface BrowserSession {
	browser: Browser;
	page: Page;
	/** Every host the browser tried to reach outside this machine (through the recording proxy). */
	outside: string[];
	close(): Promise<void>;
}

/**
 * A proxy that forwards nothing: Chromium sends it every request for a host other than this
 * machine (loopback is never proxied), so what it records is what would have left. Requests the
 * page's Content-Security-Policy refuses never reach it.
 */
async function startOutboundRecorder(): Promise<{ url: string; attempts: string[]; stop(): Promise<void> }> {
	const attempts: string[] = [];
	const server = http.createServer((req, res) => {
		attempts.push(String(req.url));
		res.writeHead(403).end();
	});
	server.on('connect', (req: IncomingMessage, socket: Socket) => {
		attempts.push(`CONNECT ${req.url}`);
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('no port for the proxy');
	return {
		url: `http://127.0.0.1:${address.port}`,
		attempts,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export async function launchBrowser(executablePath: string): Promise<BrowserSession> {
	const profile = fs.mkdtempSync(path.join(scratchDir('browser'), 'profile-'));
	// The password manager's leak check sends a typed password's hash to Google: the browser's
	// own traffic, not the demo's, and not wanted here.
	fs.mkdirSync(path.join(profile, 'Default'));
	fs.writeFileSync(
		path.join(profile, 'Default', 'Preferences'),
		JSON.stringify({
			credentials_enable_service: false,
			profile: { password_manager_enabled: false, password_manager_leak_detection: false },
		}),
	);
	const recorder = await startOutboundRecorder();
	const browser = await puppeteer.launch({
		executablePath,
		headless: true,
		args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, `--proxy-server=${recorder.url}`],
		defaultViewport: { width: 1440, height: 900 },
		protocolTimeout: 180_000,
	});
	const [page] = await browser.pages();
	page.setDefaultTimeout(60_000);
	// Leaving a workflow with unsaved changes (the scratch workflow a test adds a node to) asks
	// "Leave site?" before the next page.goto; a user would confirm, and an unanswered prompt
	// blocks that navigation until it times out.
	page.on('dialog', (dialog) => void dialog.accept());
	return {
		browser,
		page,
		outside: recorder.attempts,
		close: async () => {
			await browser.close();
			await recorder.stop();
		},
	};
}

/**
 * The hosts n8n's "Connect my account" success page (its oauth-callback template) preconnects
 * to. A preconnect opens a connection without sending a request, and no policy of the page can
 * stop it; the stylesheet it prepares for is refused by the demo's Content-Security-Policy.
 */
export function oauthCallbackPreconnects(): string[] {
	const template = fs.readFileSync(path.join(n8nPackageDir, 'templates', 'oauth-callback.handlebars'), 'utf8');
	return [...template.matchAll(/<link rel="preconnect" href="https:\/\/([^"/]+)"/g)].map((m) => m[1]);
}

/** Where screenshots go: docs/ for `npm run screenshots` (SCREENSHOTS=docs), else .cache/browser/. */
export function screenshotDir(forReadme = true): string {
	const dir =
		forReadme && env.SCREENSHOTS ? path.join(root, env.SCREENSHOTS) : path.join(root, '.cache', 'browser');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}
