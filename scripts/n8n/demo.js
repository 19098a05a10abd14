'use strict';
// The demo's n8n, as `npm start` runs it and the browser suite tests it: this package installed
// from its npm tarball as a community package, the credentials pointing at the simulators, and
// every workflow in examples/ imported.
const path = require('node:path');

const { readExamples } = require('./demo-build.js');
const { N8nServer, packPackage } = require('./n8n.js');

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

module.exports = { startDemoN8n };
