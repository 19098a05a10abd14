'use strict';
// Loaded into n8n (NODE_OPTIONS=--require) when N8N_OUTBOUND_LOG names a file: appends one JSON
// line per attempt to reach a host outside this machine (a TCP connection or a DNS lookup), with
// the stack that made it. The demo must make none; the browser suite reads this file to prove it.
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const file = process.env.N8N_OUTBOUND_LOG;

function isLocal(host) {
	if (host === undefined || host === null || host === '') return true; // Node's default: localhost
	const name = String(host).toLowerCase().replace(/^\[|\]$/g, '');
	return name === 'localhost' || name.endsWith('.localhost') || /^127\./.test(name) || name === '::1' || name === '0.0.0.0' || name === '::' || name === '::ffff:127.0.0.1';
}

function record(kind, host, port) {
	if (!file || isLocal(host)) return;
	const limit = Error.stackTraceLimit;
	Error.stackTraceLimit = 40;
	const stack = (new Error().stack ?? '').split('\n').slice(3, 40).map((line) => line.trim()).join(' | ');
	Error.stackTraceLimit = limit;
	fs.appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), pid: process.pid, kind, host: String(host), port, stack })}\n`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(...args) {
	const first = Array.isArray(args[0]) ? args[0][0] : args[0];
	if (first && typeof first === 'object') {
		if (!first.path) record('connect', first.host, first.port);
	} else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
		record('connect', typeof args[1] === 'string' ? args[1] : undefined, Number(first));
	}
	return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function patchedLookup(host, ...rest) {
	record('dns', host);
	return lookup.call(this, host, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function patchedPromisesLookup(host, ...rest) {
	record('dns', host);
	return promisesLookup.call(this, host, ...rest);
};
