'use strict';
// Workflows that load a queue-mode cluster: started by a production webhook, so the main enqueues
// them and the workers run them (`n8n execute` and editor runs would stay on the main).

const MAZRICA_LOAD_PATH = 'mazrica-queue-load';

/**
 * POST /webhook/mazrica-queue-load with `{ run, n, read, write }`: reads `read` Mazrica customers
 * (Customer → Get Many, pages of 100), keeps the first `write` of them and creates that many new
 * customers named `queue-load <run> #<n> ← <source id>` through the bulk endpoint (Customer →
 * Create, Use Bulk Endpoint). Names are unique per request, so the simulator's store shows
 * exactly which writes arrived and whether any arrived twice.
 */
function mazricaLoadWorkflow({ id = 'jpSaasQueueLoad1', credential = { id: 'jpSaasMazrica01', name: 'Mazrica (local simulator)' } } = {}) {
	const body = (field) => `$('Webhook').first().json.body.${field}`;
	const mazrica = { mazricaApi: credential };
	return {
		id,
		name: 'Queue load: Mazrica customers read, then written in bulk',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: '5b0c2f4e-8d1a-4c55-9a57-0d3c1e2b7a10',
				position: [0, 0],
				parameters: { httpMethod: 'POST', path: MAZRICA_LOAD_PATH, responseMode: 'onReceived', options: {} },
			},
			{
				id: 'read',
				name: 'Read customers',
				type: 'n8n-nodes-japan-saas.mazrica',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: `={{ ${body('read')} }}` },
				credentials: mazrica,
			},
			{
				id: 'keep',
				name: 'Keep as many as to write',
				type: 'n8n-nodes-base.limit',
				typeVersion: 1,
				position: [440, 0],
				parameters: { maxItems: `={{ ${body('write')} }}` },
			},
			{
				id: 'write',
				name: 'Create customers in bulk',
				type: 'n8n-nodes-japan-saas.mazrica',
				typeVersion: 1,
				position: [660, 0],
				parameters: {
					resource: 'customer',
					operation: 'create',
					useBulkEndpoint: true,
					name: `={{ 'queue-load ' + ${body('run')} + ' #' + ${body('n')} + ' ← ' + $json.id }}`,
				},
				credentials: mazrica,
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Read customers', type: 'main', index: 0 }]] },
			'Read customers': { main: [[{ node: 'Keep as many as to write', type: 'main', index: 0 }]] },
			'Keep as many as to write': { main: [[{ node: 'Create customers in bulk', type: 'main', index: 0 }]] },
		},
	};
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
	const body = (field) => `$('Webhook').first().json.body.${field}`;
	const cyzen = { cyzenApi: credential };
	const node = (id, name, x, parameters, extra = {}) => ({
		id,
		name,
		type: 'n8n-nodes-japan-saas.cyzen',
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: cyzen,
		...extra,
	});
	return {
		id,
		name: 'Queue load: cyzen spots and reports read, spots written',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: '7d3e1a52-4b6f-4f0e-8c21-2a9e5f1c3b40',
				position: [0, 0],
				parameters: { httpMethod: 'POST', path: CYZEN_LOAD_PATH, responseMode: 'onReceived', options: {} },
			},
			node('reports', 'Read reports', 220, { resource: 'report', operation: 'getAll', returnAll: true, filters: {} }, { executeOnce: true }),
			node('spots', 'Read spots', 440, { resource: 'spot', operation: 'getAll', returnAll: false, limit: `={{ ${body('read')} }}`, filters: {} }, { executeOnce: true }),
			{
				id: 'keep',
				name: 'Keep as many as to write',
				type: 'n8n-nodes-base.limit',
				typeVersion: 1,
				position: [660, 0],
				parameters: { maxItems: `={{ ${body('write')} }}` },
			},
			node('write', 'Create spots', 880, {
				resource: 'spot',
				operation: 'create',
				spotCode: `={{ 'ql-' + ${body('run')} + '-' + ${body('n')} + '-' + $itemIndex }}`,
				spotName: `={{ 'queue-load ' + ${body('run')} + ' #' + ${body('n')} + ' ← ' + $json.spot_id }}`,
				additionalFields: {},
			}),
		],
		connections: {
			Webhook: { main: [[{ node: 'Read reports', type: 'main', index: 0 }]] },
			'Read reports': { main: [[{ node: 'Read spots', type: 'main', index: 0 }]] },
			'Read spots': { main: [[{ node: 'Keep as many as to write', type: 'main', index: 0 }]] },
			'Keep as many as to write': { main: [[{ node: 'Create spots', type: 'main', index: 0 }]] },
		},
	};
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

module.exports = { MAZRICA_LOAD_PATH, mazricaLoadWorkflow, CYZEN_LOAD_PATH, cyzenLoadWorkflow, loadNamePrefix, postLoadRequests };
