'use strict';
// The demo's n8n, as `npm start` runs it and the browser suite tests it: this package installed
// from its npm tarball as a community package, the credentials pointing at the simulators, and
// every workflow in examples/ imported.
const fs = require('node:fs');
const path = require('node:path');

const { N8nServer, packPackage, root } = require('./n8n.js');

/** examples/*.json, with the ports the examples were written for replaced (`from` → `to`). */
function readExamples(replacements = {}) {
	return fs
		.readdirSync(path.join(root, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			let text = fs.readFileSync(path.join(root, 'examples', file), 'utf8');
			for (const [from, to] of Object.entries(replacements)) text = text.split(from).join(to);
			return JSON.parse(text);
		});
}

/**
 * @param {{ userFolder: string, port: number, brokerPort: number, credentials: unknown[],
 *   replacements?: Record<string, string>, outboundLog?: string }} options
 */
async function startDemoN8n(options) {
	const n8n = new N8nServer(options);
	n8n.installPackage(packPackage(path.join(options.userFolder, 'pack')));
	await n8n.start();
	await n8n.importCredentials(options.credentials);
	const examples = readExamples(options.replacements);
	await n8n.importWorkflows(examples);
	return { n8n, examples };
}

module.exports = { readExamples, startDemoN8n };
