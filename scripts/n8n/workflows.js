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

/** How the names of the customers load request `n` of `run` creates begin (then the source id). */
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

module.exports = { MAZRICA_LOAD_PATH, mazricaLoadWorkflow, loadNamePrefix, postLoadRequests };
