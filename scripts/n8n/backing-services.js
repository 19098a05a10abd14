'use strict';
// Redis and PostgreSQL for n8n's queue mode, from Debian's packages, on loopback, without systemd:
// each server is a child process of the script or test that started it (no daemonizing, no
// service manager) and is stopped by it (see ./processes.js).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { ServerProcess, sleep } = require('./processes');

const log = (message) => process.stderr.write(`[services] ${message}\n`);

const REDIS_SERVER = '/usr/bin/redis-server';
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest PostgreSQL server Debian installed (bookworm ships 15), or undefined. */
function postgresBinDir() {
	if (!fs.existsSync(POSTGRES_ROOT)) return undefined;
	const versions = fs
		.readdirSync(POSTGRES_ROOT)
		.filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(POSTGRES_ROOT, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(POSTGRES_ROOT, versions[0], 'bin') : undefined;
}

/**
 * Installs the Debian packages whose program is missing (`apt-get update` first). Needs root; a
 * machine where the programs exist needs nothing. The image's policy-rc.d keeps the packages'
 * init scripts from starting a system-wide server.
 */
function ensureDebianPackages() {
	const missing = [];
	if (!fs.existsSync(REDIS_SERVER)) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0) {
		throw new Error(`${missing.join(' and ')} missing; install them with: sudo apt-get install -y ${missing.join(' ')}`);
	}
	log(`installing ${missing.join(', ')} from Debian's packages…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const lock = ['-o', 'DPkg::Lock::Timeout=600'];
	execFileSync('apt-get', [...lock, 'update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	execFileSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env,
	});
}

/** `redis-server` on 127.0.0.1, in memory only (no RDB, no AOF): the Bull queue of one cluster run. */
class RedisServer {
	constructor({ dir, port, pidFile }) {
		this.dir = dir;
		this.port = port;
		this.process = new ServerProcess('redis', path.join(dir, 'redis.log'), pidFile);
	}

	get url() {
		return `redis://127.0.0.1:${this.port}`;
	}

	async start() {
		fs.mkdirSync(this.dir, { recursive: true });
		this.process.spawn(REDIS_SERVER, [
			'--port', String(this.port),
			'--bind', '127.0.0.1',
			'--daemonize', 'no',
			'--save', '',
			'--appendonly', 'no',
			'--dir', this.dir,
		], { marker: `127.0.0.1:${this.port}` }); // redis-server rewrites its command line to this
		const started = Date.now();
		while (!(await this.ping())) {
			if (!this.process.running) throw new Error(`redis-server exited; see ${this.process.logFile}`);
			if (Date.now() - started > 30_000) throw new Error(`redis-server did not answer in 30 s; see ${this.process.logFile}`);
			await sleep(100);
		}
	}

	ping() {
		return new Promise((resolve) => {
			const socket = net.connect(this.port, '127.0.0.1');
			socket.setTimeout(1000);
			socket.once('connect', () => socket.write('PING\r\n'));
			socket.once('data', (data) => {
				socket.destroy();
				resolve(data.toString().startsWith('+PONG'));
			});
			socket.once('error', () => resolve(false));
			socket.once('timeout', () => {
				socket.destroy();
				resolve(false);
			});
		});
	}

	stop() {
		return this.process.stop('SIGTERM');
	}
}

/**
 * PostgreSQL on 127.0.0.1 (TCP only, trust authentication) with its data directory under the
 * cluster's folder. As root, initdb and the server run as the `postgres` user (initdb refuses
 * root). fsync is off: this is a disposable development and test database.
 */
class PostgresServer {
	constructor({ dir, port, pidFile }) {
		this.dir = dir;
		this.dataDir = path.join(dir, 'data');
		this.port = port;
		this.user = 'postgres';
		this.password = 'n8n';
		this.bin = postgresBinDir();
		this.process = new ServerProcess('postgres', path.join(dir, 'postgres.log'), pidFile);
		this.owner = process.getuid?.() === 0 ? postgresUser() : undefined;
	}

	run(program, args) {
		return execFileSync(path.join(this.bin, program), args, {
			cwd: this.dir,
			stdio: ['ignore', 'pipe', 'pipe'],
			...(this.owner ?? {}),
		}).toString();
	}

	async start() {
		if (!this.bin) throw new Error('PostgreSQL is not installed (ensureDebianPackages installs it)');
		fs.mkdirSync(this.dir, { recursive: true });
		if (this.owner) fs.chownSync(this.dir, this.owner.uid, this.owner.gid);
		if (!fs.existsSync(path.join(this.dataDir, 'PG_VERSION'))) {
			fs.rmSync(this.dataDir, { recursive: true, force: true });
			this.run('initdb', ['-D', this.dataDir, '--auth=trust', `--username=${this.user}`, '--encoding=UTF8', '--locale=C']);
		}
		this.process.spawn(
			path.join(this.bin, 'postgres'),
			[
				'-D', this.dataDir,
				'-p', String(this.port),
				'-c', 'listen_addresses=127.0.0.1',
				'-c', 'unix_socket_directories=',
				'-c', 'fsync=off',
				'-c', 'synchronous_commit=off',
				'-c', 'full_page_writes=off',
			],
			{ ...(this.owner ?? {}), marker: this.dataDir },
		);
		const started = Date.now();
		for (;;) {
			try {
				this.sql('postgres', 'SELECT 1');
				break;
			} catch {
				if (!this.process.running) throw new Error(`postgres exited; see ${this.process.logFile}`);
				if (Date.now() - started > 60_000) throw new Error(`postgres did not answer in 60 s; see ${this.process.logFile}`);
				await sleep(200);
			}
		}
	}

	sql(database, statement) {
		return this.run('psql', ['-h', '127.0.0.1', '-p', String(this.port), '-U', this.user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', statement]);
	}

	/** A new database, empty or a copy of `template` (dropped first if an earlier run left it). */
	recreateDatabase(name, template) {
		this.sql('postgres', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		this.sql('postgres', `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
	}

	hasDatabase(name) {
		return this.sql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${name}'`).trim() === '1';
	}

	renameDatabase(from, to) {
		this.sql('postgres', `ALTER DATABASE "${from}" RENAME TO "${to}"`);
	}

	/** SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect. */
	stop() {
		return this.process.stop('SIGINT');
	}
}

function postgresUser() {
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
	return { uid, gid };
}

module.exports = { ensureDebianPackages, RedisServer, PostgresServer };
