// One real n8n 2.40.7 for `npm run bench` (the one `npm start` runs: scripts/n8n/n8n.js), in a fresh
// user folder outside the project, with a package tarball installed as n8n installs a community
// package. Workflows are created and published through n8n's REST API (as the editor does) and run
// by their production webhook, so every execution runs inside this one n8n process, whose CPU time
// and resident memory are read from /proc while it runs.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { Agent, fetch } from 'undici';

/**
 * The webhook answers when its workflow ends: a 100,000-record Return All on a busy machine takes
 * longer than the 300 s undici waits for headers by default (scenario 6b failed with "fetch
 * failed" that way), so the runner's own 30-minute limit is the only one.
 */
const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

const require = createRequire(import.meta.url);
const { N8N_VERSION, N8nServer, packPackage, scratchDir } = require('../../scripts/n8n/n8n.js');
const { freePort, sleep } = require('../../scripts/n8n/processes.js');

/** Linux clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux n8n supports). */
const CLOCK_TICKS = 100;

export class BenchN8n {
	/** `packageRoot`: the checkout (or bench-only build) whose `npm pack` is installed. */
	static async start({ packageRoot, label }) {
		const userFolder = mkdtempSync(join(scratchDir('bench'), `${label}-`));
		const template = join(scratchDir('bench'), `template-${N8N_VERSION}`);
		// A new n8n migrates its SQLite database first (a minute on a busy machine): copy one that an
		// earlier run migrated (and made the owner in) instead, with the encryption key it was made with.
		const migrated = existsSync(join(template, '.n8n', 'database.sqlite'));
		if (migrated) cpSync(join(template, '.n8n'), join(userFolder, '.n8n'), { recursive: true });
		const server = new N8nServer({ userFolder, port: await freePort(), brokerPort: await freePort(), label: `n8n (${label})` });
		server.installPackage(packPackage(join(userFolder, 'pack'), packageRoot));
		if (!migrated) {
			await server.start();
			await server.stop();
			rmSync(template, { recursive: true, force: true });
			mkdirSync(template, { recursive: true });
			cpSync(join(userFolder, '.n8n'), join(template, '.n8n'), { recursive: true, filter: (from) => !/[/\\](nodes|\.cache|binaryData)$/.test(from) });
		}
		await server.start();
		return new BenchN8n(server);
	}

	constructor(server) {
		this.server = server;
	}

	get pid() {
		return this.server.process.child.pid;
	}

	stop() {
		return this.server.stop();
	}

	/** Creates a credential; resolves to its `{ id, name }` for a node's `credentials`. */
	async credential(type, name, data) {
		const created = await this.server.rest('POST', '/rest/credentials', { name, type, data });
		return { id: created.id, name };
	}

	/** Creates and publishes `workflow`; resolves to its id. */
	async publish(workflow) {
		const { id } = await this.server.rest('POST', '/rest/workflows', { ...workflow, active: false });
		await this.server.activate(id);
		return id;
	}

	/** Unpublishes a workflow (a trigger stops polling). */
	async unpublish(id) {
		await this.server.rest('POST', `/rest/workflows/${id}/deactivate`, {});
	}

	/**
	 * POSTs `body` to a published webhook whose workflow answers with its last node, and measures
	 * the n8n process meanwhile: wall time, CPU time (user + system), peak resident memory (sampled
	 * every 100 ms; VmHWM would be the peak of the process's whole life).
	 */
	async run(webhookPath, body = {}) {
		const cpuBefore = this.cpuMs();
		let peakRssMb = this.rssMb();
		let sampling = true;
		const sampler = (async () => {
			while (sampling) {
				peakRssMb = Math.max(peakRssMb, this.rssMb());
				await sleep(100);
			}
		})();
		const startedAt = Date.now();
		let status;
		let answer;
		try {
			const response = await fetch(`${this.server.url}/webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				dispatcher: patient,
				signal: AbortSignal.timeout(30 * 60_000),
			});
			status = response.status;
			const text = await response.text();
			try {
				answer = JSON.parse(text);
			} catch {
				answer = text;
			}
		} finally {
			sampling = false;
			await sampler;
		}
		const endedAt = Date.now();
		return { status, answer, startedAt, endedAt, wallSeconds: (endedAt - startedAt) / 1000, cpuMs: this.cpuMs() - cpuBefore, peakRssMb };
	}

	/** The latest executions of workflow `id`, newest first (n8n's REST list). */
	async executions(id, limit = 20) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: id }));
		return (await this.server.rest('GET', `/rest/executions?filter=${filter}&limit=${limit}`)).results;
	}

	/** User + system CPU time of the n8n process so far, in ms. */
	cpuMs() {
		const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// After "(comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
	}

	rssMb() {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
		return match ? Math.round(Number(match[1]) / 102.4) / 10 : 0;
	}
}
