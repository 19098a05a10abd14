'use strict';
// Child processes of the cluster script and tests: each in its own process group (so whatever it
// starts ends with it), logging to a file, its pid recorded so that a run killed outright (no
// chance to clean up) is cleaned up by the next one.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const log = (message) => process.stderr.write(`[processes] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback port nobody listens on right now. */
async function freePort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * Whether `pid` is alive and its command line or environment contains `marker`, so it is still the
 * process we started and not a stranger that inherited a recycled pid.
 */
function isOurProcess(pid, marker) {
	for (const file of ['cmdline', 'environ']) {
		try {
			if (fs.readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0').join(' ').includes(marker)) return true;
		} catch {
			return false;
		}
	}
	return false;
}

function exists(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Pids of everything a cluster started, in <dir>/pids.json, with a marker from each command line.
 * `reap` ends what a killed earlier run left behind, checking the marker so a recycled pid that
 * now belongs to someone else is never touched.
 */
class PidFile {
	constructor(dir) {
		this.file = path.join(dir, 'pids.json');
	}

	read() {
		try {
			return JSON.parse(fs.readFileSync(this.file, 'utf8'));
		} catch {
			return [];
		}
	}

	add(pid, marker, label) {
		fs.mkdirSync(path.dirname(this.file), { recursive: true });
		fs.writeFileSync(this.file, JSON.stringify([...this.read(), { pid, marker, label }], null, 1));
	}

	remove(pid) {
		fs.writeFileSync(this.file, JSON.stringify(this.read().filter((p) => p.pid !== pid), null, 1));
	}

	async reap() {
		const leftovers = this.read().filter((p) => isOurProcess(p.pid, p.marker));
		for (const { pid, label } of leftovers) {
			log(`stopping ${label} (pid ${pid}) left over from an earlier run`);
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}
		}
		// Until the pids are gone, not only their command lines: PostgreSQL refuses to start while
		// the pid in its lock file exists, even as a zombie that init has not reaped yet.
		for (let i = 0; i < 150 && leftovers.some((p) => exists(p.pid)); i++) await sleep(100);
		fs.rmSync(this.file, { force: true });
	}
}

/** A child process in its own process group (so its own children end with it), logging to a file. */
class ServerProcess {
	constructor(label, logFile, pidFile) {
		this.label = label;
		this.logFile = logFile;
		this.pidFile = pidFile;
		this.child = undefined;
	}

	/** `marker`: a part of the command line that tells this process apart (default: all arguments). */
	spawn(command, args, { marker, ...options } = {}) {
		const out = fs.openSync(this.logFile, 'a');
		this.child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', out, out] });
		fs.closeSync(out);
		this.child.on('error', (error) => log(`${this.label}: ${error.message}`));
		this.pidFile?.add(this.child.pid, marker ?? args.join(' '), this.label);
	}

	get running() {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Sends `signal`, waits for the exit (SIGKILL after `graceMs`), then ends whatever is left in its group. */
	async stop(signal = 'SIGTERM', graceMs = 20_000) {
		const child = this.child;
		if (!child) return;
		if (this.running) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill(signal);
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
			await exited;
			clearTimeout(timer);
		}
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// the group is empty
		}
		this.pidFile?.remove(child.pid);
	}
}

module.exports = { freePort, PidFile, ServerProcess, sleep };
