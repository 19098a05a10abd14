'use strict';
// Workflows that load a queue-mode cluster: started by a production webhook, so the main enqueues
// them and the workers run them (`n8n execute` and editor runs would stay on the main).

/**
 * n8n's Webhook node, the workflow's start at POST /webhook/<path>. `webhookId`: the id of the
 * node's webhook (the load workflows keep fixed ones, the benchmark draws one per workflow);
 * `response`: how it answers, at once (`ANSWER_ON_RECEIPT`) or with what the last node produced.
 */
function webhookNode(path, webhookId, response) {
	return {
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		position: [0, 0],
		parameters: { httpMethod: 'POST', path, ...response, options: {} },
	};
}

/** Answered at once: the main only enqueues the execution, a worker runs it. */
const ANSWER_ON_RECEIPT = { responseMode: 'onReceived' };

/** Connections that run `nodes` one after another, each on the output of the one before. */
function inLine(nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return connections;
}

/** Field `field` of the load request's JSON body, for an expression. */
const loadField = (field) => `$('Webhook').first().json.body.${field}`;

/** A load workflow: its webhook at POST /webhook/<path>, then `nodes` in line. */
function loadWorkflow({ id, name, path, webhookId }, nodes) {
	const all = [webhookNode(path, webhookId, ANSWER_ON_RECEIPT), ...nodes];
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: all, connections: inLine(all) };
}

/** A builder of this package's node `type` with `credentials`, at `x` in the line. */
const ourNode = (type, credentials) => (id, name, x, parameters, extra = {}) => ({
	id,
	name,
	type,
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials,
	...extra,
});

/** n8n's Limit node keeping as many items as the load request asks to write. */
const keepAsManyAsToWrite = (x) => ({
	id: 'keep',
	name: 'Keep as many as to write',
	type: 'n8n-nodes-base.limit',
	typeVersion: 1,
	position: [x, 0],
	parameters: { maxItems: `={{ ${loadField('write')} }}` },
});

const MAZRICA_LOAD_PATH = 'mazrica-queue-load';

/**
 * POST /webhook/mazrica-queue-load with `{ run, n, read, write }`: reads `read` Mazrica customers
 * (Customer → Get Many, pages of 100), keeps the first `write` of them and creates that many new
 * customers named `queue-load <run> #<n> ← <source id>` through the bulk endpoint (Customer →
 * Create, Use Bulk Endpoint). Names are unique per request, so the simulator's store shows
 * exactly which writes arrived and whether any arrived twice.
 */
function mazricaLoadWorkflow({ id = 'jpSaasQueueLoad1', credential = { id: 'jpSaasMazrica01', name: 'Mazrica (local simulator)' } } = {}) {
	const mazrica = ourNode('n8n-nodes-japan-saas.mazrica', { mazricaApi: credential });
	const line = [
		mazrica('read', 'Read customers', 220, { resource: 'customer', operation: 'getAll', returnAll: false, limit: `={{ ${loadField('read')} }}` }),
		keepAsManyAsToWrite(440),
		mazrica('write', 'Create customers in bulk', 660, {
			resource: 'customer',
			operation: 'create',
			useBulkEndpoint: true,
			name: `={{ 'queue-load ' + ${loadField('run')} + ' #' + ${loadField('n')} + ' ← ' + $json.id }}`,
		}),
	];
	return loadWorkflow({ id, name: 'Queue load: Mazrica customers read, then written in bulk', path: MAZRICA_LOAD_PATH, webhookId: '5b0c2f4e-8d1a-4c55-9a57-0d3c1e2b7a10' }, line);
}

const CYZEN_LOAD_PATH = 'cyzen-queue-load';

/**
 * POST /webhook/cyzen-queue-load with `{ run, n, read, write }`: reads `read` cyzen spots (Spot →
 * Get Many, pages of 200) and the reports of the last 7 days (Report → Get Many), keeps the first
 * `write` spots and creates that many new spots, one `POST /spots` each, coded
 * `ql-<run>-<n>-<item>` and named `queue-load <run> #<n> ← <source spot id>`: the simulator's write
 * ledger shows exactly which writes arrived and whether any arrived twice.
 */
function cyzenLoadWorkflow({ id = 'jpSaasQueueLoad2', credential = { id: 'jpSaasCyzen0001', name: 'cyzen (local simulator)' } } = {}) {
	const cyzen = ourNode('n8n-nodes-japan-saas.cyzen', { cyzenApi: credential });
	const line = [
		cyzen('reports', 'Read reports', 220, { resource: 'report', operation: 'getAll', returnAll: true, filters: {} }, { executeOnce: true }),
		cyzen('spots', 'Read spots', 440, { resource: 'spot', operation: 'getAll', returnAll: false, limit: `={{ ${loadField('read')} }}`, filters: {} }, { executeOnce: true }),
		keepAsManyAsToWrite(660),
		cyzen('write', 'Create spots', 880, {
			resource: 'spot',
			operation: 'create',
			spotCode: `={{ 'ql-' + ${loadField('run')} + '-' + ${loadField('n')} + '-' + $itemIndex }}`,
			spotName: `={{ 'queue-load ' + ${loadField('run')} + ' #' + ${loadField('n')} + ' ← ' + $json.spot_id }}`,
			additionalFields: {},
		}),
	];
	return loadWorkflow({ id, name: 'Queue load: cyzen spots and reports read, spots written', path: CYZEN_LOAD_PATH, webhookId: '7d3e1a52-4b6f-4f0e-8c21-2a9e5f1c3b40' }, line);
}

/** How the names of the records load request `n` of `run` creates begin (then the source id). */
function loadNamePrefix(run, n) {
	return `queue-load ${run} #${n} ← `;
}

/** Posts load requests `n = 0 … count - 1` to the load webhook all at once; resolves to their HTTP statuses. */
function postLoadRequests(url, { run, count, read, write }) {
	return Promise.all(
		Array.from({ length: count }, async (_, n) => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run, n, read, write }),
			});
			await response.text();
			return response.status;
		}),
	);
}

module.exports = { webhookNode, inLine, MAZRICA_LOAD_PATH, mazricaLoadWorkflow, CYZEN_LOAD_PATH, cyzenLoadWorkflow, loadNamePrefix, postLoadRequests };
