'use strict';
// Long setup steps for `npm start` / `npm test` on a fresh clone: each runs a command with its
// output in a log file (npm prints hundreds of warnings while installing n8n), prints the log's
// path, a progress line with the elapsed time while it runs and the time it took. Plain Node with
// built-ins only: it runs before node_modules exists.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const logDir = path.join(root, '.cache', 'logs');

function say(message) {
	process.stdout.write(`${message}\n`);
}

function elapsed(ms) {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** The path of a step's log file, relative to the project when it lies inside it. */
function shown(file) {
	const relative = path.relative(process.cwd(), file);
	return relative.startsWith('..') ? file : relative;
}

/**
 * Runs `command args` with stdout and stderr appended to .cache/logs/<log>.log. Resolves when it
 * exits 0; otherwise prints the log's last lines and rejects.
 */
function runStep({ title, command, args, cwd = root, env = process.env, log }) {
	fs.mkdirSync(logDir, { recursive: true });
	const logFile = path.join(logDir, `${log}.log`);
	fs.writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n# in ${cwd}, ${new Date().toISOString()}\n`);
	say(`▸ ${title} (log: ${shown(logFile)})`);
	const started = Date.now();
	const tty = process.stdout.isTTY;
	// A line every 30 s where the output is a log (CI); one line rewritten in place on a terminal.
	const ticker = setInterval(
		() => {
			const line = `  … ${title.toLowerCase()}: ${elapsed(Date.now() - started)}`;
			if (tty) process.stdout.write(`\r${line}`);
			else say(line);
		},
		tty ? 1000 : 30_000,
	);
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		const finish = (error) => {
			clearInterval(ticker);
			fs.closeSync(out);
			if (tty) process.stdout.write('\r\x1b[K');
			if (!error) {
				say(`  ✓ ${title}: done in ${elapsed(Date.now() - started)}`);
				resolve();
				return;
			}
			const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15);
			say(`  ✗ ${title} failed after ${elapsed(Date.now() - started)}: ${error.message}`);
			say(`    last lines of ${shown(logFile)}:`);
			for (const line of tail) say(`    | ${line}`);
			reject(new Error(`${title} failed; see ${shown(logFile)}`));
		};
		child.on('error', finish);
		child.on('exit', (code, signal) => finish(code === 0 ? undefined : new Error(signal ? `killed by ${signal}` : `exit code ${code}`)));
	});
}

/** The absolute path of an executable on PATH, or undefined. */
function which(name) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (!dir) continue;
		const candidate = path.join(dir, name);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			if (fs.statSync(candidate).isFile()) return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Installs Debian packages with apt-get when running as root; otherwise (or without apt-get)
 * rejects with the command the user has to run.
 */
async function aptInstall(packages, why) {
	const command = `apt-get install -y ${packages.join(' ')}`;
	if (!isRoot() || !which('apt-get')) {
		throw new Error(`${why}. Install ${packages.join(', ')} and run again, e.g.:\n    sudo apt-get update && sudo ${command}`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Another apt-get on the machine holds the lock: wait for it rather than fail.
	const lock = ['-o', 'DPkg::Lock::Timeout=600'];
	await runStep({ title: 'Updating the apt package lists', command: 'apt-get', args: [...lock, 'update'], env, log: 'apt-update' });
	await runStep({
		title: `Installing ${packages.join(', ')} with apt-get`,
		command: 'apt-get',
		args: [...lock, 'install', '-y', '--no-install-recommends', ...packages],
		env,
		log: `apt-install-${packages[0]}`,
	});
}

module.exports = { root, say, elapsed, runStep, which, isRoot, aptInstall };
