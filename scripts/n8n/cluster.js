'use strict';
// n8n in queue mode on one machine: Redis (the Bull queue), PostgreSQL (the shared database), one
// main (editor, REST, webhooks, triggers and pollers; it enqueues executions) and N workers that
// run them. Every process has its own user folder with this package installed from its npm
// tarball, as a community package is installed, its own task-broker port and (workers) its own
// health-check port, and all share one N8N_ENCRYPTION_KEY. Used by `npm run scale`, the queue-mode
// e2e test and bench/queue-load.mjs.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { ensureDebianPackages, PostgresServer, RedisServer } = require('./backing-services');
const { N8N_VERSION, N8nServer, packPackage, provision } = require('./n8n');
const { freePort, PidFile } = require('./processes');

const log = (message) => process.stderr.write(`[cluster] ${message}\n`);

const DATABASE = 'n8n';

/** Ports left out of `ports` are picked free at start. */
async function resolvePorts(workers, ports = {}) {
	const pick = async (value) => value ?? (await freePort());
	return {
		redis: await pick(ports.redis),
		postgres: await pick(ports.postgres),
		main: await pick(ports.main),
		mainBroker: await pick(ports.mainBroker),
		workers: await Promise.all(
			Array.from({ length: workers }, async (_, i) => ({
				health: await pick(ports.workers?.[i]?.health),
				broker: await pick(ports.workers?.[i]?.broker),
			})),
		),
	};
}

/** One key per cluster folder, kept across runs so the user folders' n8n config keeps matching it. */
function encryptionKeyIn(dir) {
	const file = path.join(dir, 'encryption-key');
	if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
	return fs.readFileSync(file, 'utf8').trim();
}

/** A user folder for a new run: the installed community packages stay, n8n's logs and state go. */
function freshUserFolder(folder) {
	const n8nDir = path.join(folder, '.n8n');
	fs.mkdirSync(n8nDir, { recursive: true });
	for (const entry of fs.readdirSync(n8nDir)) {
		if (entry !== 'nodes') fs.rmSync(path.join(n8nDir, entry), { recursive: true, force: true });
	}
	fs.rmSync(path.join(folder, 'n8n.log'), { force: true });
	return folder;
}

/** The entries of an n8n JSON log (N8N_LOG_FORMAT=json) whose message matches `pattern`. */
function logEntries(logFile, pattern) {
	const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
	const entries = [];
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const entry = JSON.parse(line);
			const match = pattern.exec(entry.message ?? '');
			if (match) {
				const metadata = entry.metadata ?? {};
				entries.push({ match, metadata, at: Date.parse(metadata.timestamp ?? entry.timestamp) });
			}
		} catch {
			// a line some library printed on its own
		}
	}
	return entries;
}

/** `{ executionId, workflowId, startedAt, finishedAt?, success? }` for each job a worker's log names. */
function executionsInLog(logFile) {
	const runs = new Map();
	for (const { match, metadata, at } of logEntries(logFile, /^Worker (started|finished) execution (\d+)/)) {
		const executionId = match[2];
		const run = runs.get(executionId) ?? { executionId, workflowId: metadata.workflowId };
		if (match[1] === 'started') run.startedAt = at;
		else Object.assign(run, { finishedAt: at, success: metadata.success });
		runs.set(executionId, run);
	}
	return [...runs.values()];
}

class N8nCluster {
	/**
	 * @param {{ dir: string, workers?: number, concurrency?: number, ports?: object,
	 *   logLevel?: string, env?: Record<string, string>, packageRoot?: string }} options
	 * `dir` holds everything of this cluster (data, user folders, logs, pid file); `env` is added to
	 * every n8n process; `packageRoot` is a built checkout of this package to install instead of
	 * this one (the load test measures an earlier revision that way).
	 */
	constructor(options) {
		this.dir = path.resolve(options.dir);
		this.workerCount = options.workers ?? 2;
		this.concurrency = options.concurrency ?? 10;
		this.requestedPorts = options.ports;
		this.logLevel = options.logLevel ?? 'info';
		this.extraEnv = options.env ?? {};
		this.packageRoot = options.packageRoot;
		this.pidFile = new PidFile(this.dir);
		this.main = undefined;
		this.workers = [];
		this.redis = undefined;
		this.postgres = undefined;
	}

	/** The environment every process of the cluster shares: queue mode, Redis, PostgreSQL, one key. */
	sharedEnv() {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.ports.redis),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.ports.postgres),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: this.postgres.user,
			DB_POSTGRESDB_PASSWORD: this.postgres.password,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			// Runs started from the editor go to the workers too, not only webhook and trigger runs.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// JSON lines carry timestamps and execution ids: which worker ran what, and when.
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: this.logLevel,
			...this.extraEnv,
		};
	}

	/**
	 * Everything, in order: packages, Redis and PostgreSQL, the main, then the workers, while
	 * `credentials` and `workflows` (n8n's import format) are imported through the main.
	 */
	async start({ credentials = [], workflows = [] } = {}) {
		const began = Date.now();
		const step = (what) => log(`${what} (${Math.round((Date.now() - began) / 1000)} s)`);
		fs.mkdirSync(this.dir, { recursive: true });
		await this.pidFile.reap();
		await provision();
		ensureDebianPackages();
		this.ports = await resolvePorts(this.workerCount, this.requestedPorts);
		this.encryptionKey = encryptionKeyIn(this.dir);
		this.redis = new RedisServer({ dir: path.join(this.dir, 'redis'), port: this.ports.redis, pidFile: this.pidFile });
		this.postgres = new PostgresServer({ dir: path.join(this.dir, 'postgres'), port: this.ports.postgres, pidFile: this.pidFile });
		await Promise.all([this.redis.start(), this.postgres.start()]);
		step(`Redis on :${this.ports.redis} and PostgreSQL on :${this.ports.postgres} are up`);

		const env = this.sharedEnv();
		this.main = new N8nServer({
			userFolder: freshUserFolder(path.join(this.dir, 'main')),
			port: this.ports.main,
			brokerPort: this.ports.mainBroker,
			env,
			pidFile: this.pidFile,
			label: 'n8n main',
		});
		this.workers = this.ports.workers.map(
			(ports, i) =>
				new N8nServer({
					userFolder: freshUserFolder(path.join(this.dir, `worker-${i + 1}`)),
					// A worker serves no editor; its port setting only has to differ from the main's.
					port: ports.health,
					brokerPort: ports.broker,
					command: 'worker',
					args: [`--concurrency=${this.concurrency}`],
					healthPort: ports.health,
					env,
					pidFile: this.pidFile,
					label: `n8n worker ${i + 1}`,
				}),
		);
		await this.freshDatabase();
		step(`database ${DATABASE} created from n8n ${N8N_VERSION}'s migrated schema`);
		const tarball = packPackage(path.join(this.dir, 'pack'), this.packageRoot);
		for (const server of [this.main, ...this.workers]) server.installPackage(tarball);
		step(`${path.basename(tarball)} installed in ${1 + this.workers.length} user folders`);
		// All at once: the database is migrated already, so no process has migrations to race for.
		const workersReady = Promise.all(this.workers.map((worker) => worker.start()));
		workersReady.catch(() => undefined); // awaited below; a failing main must not leave it unhandled
		await this.main.start();
		step(`the main is ready on ${this.main.url}`);
		if (credentials.length) await this.main.importCredentials(credentials);
		if (workflows.length) await this.main.importWorkflows(workflows);
		await workersReady;
		step(`${this.workers.length} workers are ready${credentials.length + workflows.length ? ', imports done' : ''}`);
	}

	/**
	 * An empty n8n database for this run. n8n migrates a new database on its first start (some 200
	 * migrations, tens of seconds on a busy machine), so the migrated schema is kept as a template
	 * per n8n version, made once by a CLI command (which migrates and exits), and copied each run.
	 */
	async freshDatabase() {
		const template = `n8n_migrated_${N8N_VERSION.replace(/\W/g, '_')}`;
		if (!this.postgres.hasDatabase(template)) {
			const building = `${template}_building`;
			this.postgres.recreateDatabase(building);
			await this.main.cli(['list:workflow'], { env: { DB_POSTGRESDB_DATABASE: building } });
			this.postgres.renameDatabase(building, template);
		}
		this.postgres.recreateDatabase(DATABASE, template);
	}

	/** The main stops taking webhooks and polling first, then the workers finish their jobs. */
	async stop() {
		await this.main?.stop();
		await Promise.all(this.workers.map((worker) => worker.stop()));
		await Promise.all([this.redis?.stop(), this.postgres?.stop()]);
	}

	importCredentials(credentials) {
		return this.main.importCredentials(credentials);
	}

	importWorkflows(workflows) {
		return this.main.importWorkflows(workflows);
	}

	/** Publishes (activates) a workflow through the main (see N8nServer.activate). */
	activate(workflowId) {
		return this.main.activate(workflowId);
	}

	/** `/webhook/<path>` of a published workflow's Webhook trigger, on the main. */
	webhookUrl(webhookPath) {
		return `${this.main.url}/webhook/${webhookPath}`;
	}

	/** The jobs each worker's log says it ran, by worker label. */
	executionsByWorker() {
		return Object.fromEntries(this.workers.map((worker) => [worker.label, executionsInLog(worker.logFile)]));
	}

	/** What is running where, for people. */
	describe() {
		return [
			{ label: 'n8n main', detail: `${this.main.url}  (task broker :${this.ports.mainBroker})  log ${this.main.logFile}` },
			...this.workers.map((worker) => ({
				label: worker.label,
				detail: `health ${worker.readinessUrl}  (task broker :${worker.brokerPort}, concurrency ${this.concurrency})  log ${worker.logFile}`,
			})),
			{ label: 'Redis', detail: `${this.redis.url}  (queue; in memory only)` },
			{ label: 'PostgreSQL', detail: `postgresql://${this.postgres.user}@127.0.0.1:${this.ports.postgres}/${DATABASE}  (data ${this.postgres.dataDir})` },
		];
	}
}

module.exports = { N8nCluster, executionsInLog, logEntries };
