// The workflows the benchmark runs: each job once with this package's node and once as an
// experienced n8n user builds it with n8n's HTTP Request node (pagination or one request per item,
// the X-API-KEY header in a Header Auth credential, a request interval). Every workflow starts at a
// production webhook and answers with one item counting what it produced (Summarize → count of
// `id`, or of the vendor's own id field), so the run's items are known without shipping 100,000
// records back over HTTP.

import { createRequire } from 'node:module';

const { inLine, webhookNode } = createRequire(import.meta.url)('../../scripts/n8n/workflows.js');

/** Mazrica's page size (vendor doc: 100 records per page) and its limit, 3 req/s with a burst of 100. */
export const MAZRICA_PAGE = 100;
export const MAZRICA_LIMIT = { ratePerSecond: 3, burst: 100 };
/** The interval a careful user sets on the HTTP Request node to stay under 3 req/s. */
export const SAFE_INTERVAL_MS = 334;

const at = (x) => [x * 220, 0];

/** The Webhook node, answering with the Count node's one item. */
const webhook = (path) => webhookNode(path, crypto.randomUUID(), { responseMode: 'lastNode', responseData: 'firstEntryJson' });

/** Summarize: `count_<field>`, and with `unique` also `unique_count_<field>` (records seen twice count once). */
const count = (x, { field = 'id', unique = false } = {}) => ({
	id: 'count',
	name: 'Count',
	type: 'n8n-nodes-base.summarize',
	typeVersion: 1.1,
	position: at(x),
	parameters: { fieldsToSummarize: { values: [{ aggregation: 'count', field }, ...(unique ? [{ aggregation: 'countUnique', field }] : [])] }, options: {} },
});

const splitOut = (x, field) => ({
	id: `split-${x}`,
	name: `Split Out ${field}`,
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	position: at(x),
	parameters: { fieldToSplitOut: field, options: {} },
});

/** Webhook → nodes… → Count, connected in a line; `counting`: the Count node's options. */
function chain(name, path, nodes, counting) {
	const all = [webhook(path), ...nodes, count(nodes.length + 1, counting)];
	return { name, nodes: all, connections: inLine(all), settings: { executionOrder: 'v1' } };
}

/** The HTTP Request node; without `credential` it authenticates with what `parameters` send. */
function httpRequest(x, { name, credential, parameters, options = {} }) {
	return {
		id: `http-${x}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: at(x),
		parameters: { ...(credential ? { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' } : {}), ...parameters, options },
		...(credential ? { credentials: { httpHeaderAuth: credential } } : {}),
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

/** cyzen: 5 requests/s per access token (vendor doc); pages of at most 200; /reports windows ≤ 7 days. */
export const CYZEN_LIMIT = { ratePerSecond: 5, burst: 5 };
export const CYZEN_WINDOW_DAYS = 7;

/** Ours: Report → Get Many, Return All, updated between the webhook body's `from` and `to`. */
export function cyzenBackfillOurs(path, credential) {
	return chain(
		`bench ${path}`,
		path,
		[
			{
				id: 'cyzen',
				name: 'Cyzen',
				type: 'n8n-nodes-japan-saas.cyzen',
				typeVersion: 1,
				position: at(1),
				parameters: { resource: 'report', operation: 'getAll', returnAll: true, filters: { updatedFrom: '={{ $json.body.from }}', updatedTo: '={{ $json.body.to }}' } },
				credentials: { cyzenApi: credential },
			},
		],
		{ field: 'report_id', unique: true },
	);
}

/** A Code node turning the webhook body's `from`–`to` into 7-day windows, one item each, UTC without suffix. */
function cyzenWindows(x) {
	const jsCode = [
		`const { from, to } = $input.first().json.body;`,
		`const step = ${CYZEN_WINDOW_DAYS} * 24 * 3600 * 1000;`,
		`const utc = (ms) => new Date(ms).toISOString().slice(0, 19);`,
		`const end = Date.parse(to);`,
		`const windows = [];`,
		`for (let start = Date.parse(from); start < end; start += step) windows.push({ json: { updated_from: utc(start), updated_to: utc(Math.min(start + step, end)) } });`,
		`return windows;`,
	].join('\n');
	return { id: 'windows', name: '7-day windows', type: 'n8n-nodes-base.code', typeVersion: 2, position: at(x), parameters: { mode: 'runOnceForAllItems', jsCode } };
}

/**
 * HTTP Request: GET /reports for the input item's window, paginated on the
 * `next_report_updated_at` + `next_report_id` cursor (complete when a page has no
 * `next_report_id`), `intervalMs` between pages; `batching`: also 1 item per batch, `intervalMs`
 * apart. Token in a Header Auth credential (`Authorization: bearer …`), company_id in the query.
 */
function cyzenReportsRequest(x, credential, { baseUrl, companyId, intervalMs, batching }) {
	const cursor = (name) => ({ type: 'qs', name, value: `={{ $response.body.${name} }}` });
	return httpRequest(x, {
		name: 'HTTP Request',
		credential,
		parameters: {
			method: 'GET',
			url: `${baseUrl}/reports`,
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'company_id', value: companyId },
					{ name: 'updated_from', value: '={{ $json.updated_from }}' },
					{ name: 'updated_to', value: '={{ $json.updated_to }}' },
				],
			},
		},
		options: {
			...(batching ? { batching: { batch: { batchSize: 1, batchInterval: intervalMs } } } : {}),
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [cursor('next_report_updated_at'), cursor('next_report_id')] },
					paginationCompleteWhen: 'other',
					completeExpression: '={{ !$response.body.next_report_id }}',
					requestInterval: intervalMs,
				},
			},
		},
	});
}

/** Windows share their boundary second, so the Count also counts distinct report ids. */
const REPORT_COUNT = { field: 'report_id', unique: true };

/**
 * HTTP Request, windows as items: n8n has no way to split a date range into windows without code,
 * so a Code node makes them and the HTTP Request node pages each, with Batching (1 item,
 * `intervalMs`). n8n's HTTP Request node (V3) only delays the *start* of each item's request by the
 * batch interval and awaits them all together, so the windows' paginations run at once.
 */
export function cyzenBackfillHttpBatching(path, credential, { baseUrl, companyId, intervalMs }) {
	return chain(`bench ${path}`, path, [cyzenWindows(1), cyzenReportsRequest(2, credential, { baseUrl, companyId, intervalMs, batching: true }), splitOut(3, 'reports')], REPORT_COUNT);
}

/**
 * HTTP Request, one window at a time: the Code node's windows go through Loop Over Items (batch
 * size 1) to the paginated HTTP Request node and back; the loop's done output carries every page.
 */
export function cyzenBackfillHttpLoop(path, credential, { baseUrl, companyId, intervalMs }) {
	const loop = { id: 'loop', name: 'Loop Over Items', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, position: at(2), parameters: { batchSize: 1, options: {} } };
	const nodes = [webhook(path), cyzenWindows(1), loop, cyzenReportsRequest(3, credential, { baseUrl, companyId, intervalMs, batching: false }), splitOut(4, 'reports'), count(5, REPORT_COUNT)];
	const to = (node) => [{ node, type: 'main', index: 0 }];
	return {
		name: `bench ${path}`,
		nodes,
		connections: {
			Webhook: { main: [to('7-day windows')] },
			'7-day windows': { main: [to('Loop Over Items')] },
			// splitInBatches v3: output 0 is "done", output 1 is "loop".
			'Loop Over Items': { main: [to('Split Out reports'), to('HTTP Request')] },
			'HTTP Request': { main: [to('Loop Over Items')] },
			'Split Out reports': { main: [to('Count')] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** SATORI: 1 request per second per key set, one at a time ([proposed], the node's profile). */
export const SATORI_LIMIT = { ratePerSecond: 1, burst: 1 };
/**
 * The intervals a user sets between SATORI calls: exactly its 1/s, and with a tenth in hand (the
 * HTTP Request node spaces the starts of its requests, not their arrivals).
 */
export const SATORI_INTERVALS_MS = [1000, 1100];

/** Ours: Customer (Bulk) → Upsert of every row by email, Wait for Completion (defaults otherwise). */
export function satoriBulkUpsertOurs(path, credential) {
	return chain(
		`bench ${path}`,
		path,
		[
			rowsToItems(1),
			{
				id: 'satori',
				name: 'SATORI',
				type: 'n8n-nodes-japan-saas.satori',
				typeVersion: 1,
				position: at(2),
				parameters: { resource: 'customerBulk', operation: 'upsert', identityType: 'email', email: '={{ $json.email }}', collectionRoute: '={{ $json.route }}', waitForCompletion: true, options: {} },
				credentials: { satoriApi: credential },
			},
		],
		{ field: 'email' },
	);
}

/**
 * HTTP Request: one POST customer/upsert.json per row, form-urlencoded with SATORI's bracket keys,
 * Batching 1 item / `intervalMs`. SATORI's four keys travel in the form body next to the data
 * (no header scheme exists), so they are body parameters here; no built-in credential type puts
 * them there.
 */
export function satoriUpsertHttp(path, { baseUrl, keys, intervalMs }) {
	const field = (name, value) => ({ name, value });
	return chain(
		`bench ${path}`,
		path,
		[
			rowsToItems(1),
			httpRequest(2, {
				name: 'HTTP Request',
				parameters: {
					method: 'POST',
					url: `${baseUrl}/api/v4/public/customer/upsert.json`,
					sendBody: true,
					contentType: 'form-urlencoded',
					specifyBody: 'keypair',
					bodyParameters: {
						parameters: [
							...Object.entries(keys).map(([name, value]) => field(name, value)),
							field('customer[identity_type]', 'email'),
							field('customer[email]', '={{ $json.email }}'),
							field('customer[collection_route]', '={{ $json.route }}'),
						],
					},
				},
				options: { batching: { batch: { batchSize: 1, batchInterval: intervalMs } } },
			}),
		],
		{ field: 'status' },
	);
}
