// The workflows the benchmark runs: each job once with this package's node and once as an
// experienced n8n user builds it with n8n's HTTP Request node (pagination or one request per item,
// the X-API-KEY header in a Header Auth credential, a request interval). Every workflow starts at a
// production webhook and answers with one item counting what it produced (Summarize → count of
// `id`), so the run's items are known without shipping 100,000 records back over HTTP.

/** Mazrica's page size (vendor doc: 100 records per page) and its limit, 3 req/s with a burst of 100. */
export const MAZRICA_PAGE = 100;
export const MAZRICA_LIMIT = { ratePerSecond: 3, burst: 100 };
/** The interval a careful user sets on the HTTP Request node to stay under 3 req/s. */
export const SAFE_INTERVAL_MS = 334;

const at = (x) => [x * 220, 0];

function webhook(path) {
	return {
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: crypto.randomUUID(),
		position: at(0),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
	};
}

const count = (x) => ({
	id: 'count',
	name: 'Count',
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1.1,
	position: at(x),
	parameters: { fieldsToSummarize: { values: [{ aggregation: 'count', field: 'id' }] }, options: {} },
});

const splitOut = (x, field) => ({
	id: `split-${x}`,
	name: `Split Out ${field}`,
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	position: at(x),
	parameters: { fieldToSplitOut: field, options: {} },
});

/** Webhook → nodes… → Count, connected in a line. */
function chain(name, path, nodes) {
	const all = [webhook(path), ...nodes, count(nodes.length + 1)];
	const connections = {};
	for (let i = 0; i + 1 < all.length; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

function httpRequest(x, { name, credential, parameters, options = {} }) {
	return {
		id: `http-${x}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: at(x),
		parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', ...parameters, options },
		credentials: { httpHeaderAuth: credential },
	};
}

/** Ours: Customer → Get Many, Return All. */
export function mazricaReturnAllOurs(path, credential) {
	return chain(`bench ${path}`, path, [
		{
			id: 'mazrica',
			name: 'Mazrica',
			type: 'n8n-nodes-japan-saas.mazrica',
			typeVersion: 1,
			position: at(1),
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
			credentials: { mazricaApi: credential },
		},
	]);
}

/**
 * HTTP Request: GET /customers with pagination "update a parameter in each request" (`page` =
 * $pageCount + 1), complete when a page holds fewer than 100 customers, `intervalMs` between
 * requests; then Split Out `customers`, as the response is one object per page.
 */
export function mazricaReturnAllHttp(path, credential, { baseUrl, intervalMs }) {
	return chain(`bench ${path}`, path, [
		httpRequest(1, {
			name: 'HTTP Request',
			credential,
			parameters: { method: 'GET', url: `${baseUrl}/customers` },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
						paginationCompleteWhen: 'other',
						completeExpression: `={{ $response.body.customers.length < ${MAZRICA_PAGE} }}`,
						requestInterval: intervalMs,
					},
				},
			},
		}),
		splitOut(2, 'customers'),
	]);
}

/** The webhook body's `rows`, one item each (the records to create). */
const rowsToItems = (x) => splitOut(x, 'body.rows');

/** Ours: Customer → Create of every row; `bulk` = Use Bulk Endpoint. Counts the ids created. */
export function mazricaCreateOurs(path, credential, { bulk }) {
	return chain(`bench ${path}`, path, [
		rowsToItems(1),
		{
			id: 'mazrica',
			name: 'Mazrica',
			type: 'n8n-nodes-japan-saas.mazrica',
			typeVersion: 1,
			position: at(2),
			parameters: { resource: 'customer', operation: 'create', useBulkEndpoint: bulk, name: '={{ $json.name }}' },
			credentials: { mazricaApi: credential },
		},
	]);
}

/**
 * HTTP Request: POST /customers once per item with `{ name }`; `intervalMs` > 0 uses the node's
 * Batching option (1 item per batch, that interval between batches), as n8n's docs suggest for
 * rate-limited APIs.
 */
export function mazricaCreateHttp(path, credential, { baseUrl, intervalMs }) {
	return chain(`bench ${path}`, path, [
		rowsToItems(1),
		httpRequest(2, {
			name: 'HTTP Request',
			credential,
			parameters: {
				method: 'POST',
				url: `${baseUrl}/customers`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ name: $json.name }) }}',
			},
			options: intervalMs > 0 ? { batching: { batch: { batchSize: 1, batchInterval: intervalMs } } } : {},
		}),
	]);
}
