import { bulkTwin, OPERATIONS } from '../../nodes/Mazrica/endpoints/catalog';
import {
	OPERATIONS as CYZEN_OPERATIONS,
	RESOURCES as CYZEN_RESOURCES,
} from '../../nodes/Cyzen/endpoints/index';
import { RESOURCES } from '../../nodes/Mazrica/endpoints/index';
import type { EndpointSpec } from '../../nodes/shared/engine';
import { Rodem } from '../../nodes/Rodem/Rodem.node';
import { OPERATIONS as SATORI_OPERATIONS } from '../../nodes/Satori/actions/router';
import { SATORI_ENDPOINTS } from '../../nodes/Satori/transport/endpoints';
import { OPERATIONS as YAPPLI_OPERATIONS } from '../../nodes/YappliCrm/actions/router';

/** Where each operation is exercised end to end (through WorkflowExecute, against the simulator). */
export const TESTED_IN = {
	operation: 'test/mazrica/operations.test.ts',
	bulk: 'test/mazrica/bulk.test.ts',
	yappli: 'test/yappli/operations.test.ts',
	rodem: 'test/rodem/expenses.test.ts',
	satori: 'test/satori/operations.test.ts',
	satoriBulk: 'test/satori/bulk.test.ts',
	cyzen: 'test/cyzen/operations.test.ts',
};

/** Yappli CRM's path per operation, as its operation files call them (below {App URL}/api/ext). */
const YAPPLI_PATHS: Record<string, string> = {
	'member:getAll': 'GET /users',
	'member:get': 'GET /users/{id}',
	'member:getByUniqueId': 'GET /users/unique_id/{unique_id}',
	'member:create': 'POST /users',
	'member:update': 'PUT /users/{id}',
	'point:getHistory': 'GET /users/{id}/points',
	'point:getExpiryList': 'GET /users/{id}/points/expired_list',
	'point:adjust': 'POST /users/{id}/points',
	'point:calculate': 'POST /users/{id}/points/calculation',
	'transferToken:check': 'GET /check/{token}?id=',
};

const YAPPLI_RESOURCES: Record<string, string> = {
	member: 'Member',
	point: 'Point',
	transferToken: 'Transfer Token',
};

function yappliRows(): string[] {
	return Object.entries(YAPPLI_OPERATIONS).flatMap(([resource, operations]) =>
		Object.entries(operations)
			.sort(([, a], [, b]) => a.name.localeCompare(b.name))
			.map(([operation, entry]) => {
				const path = YAPPLI_PATHS[`${resource}:${operation}`];
				if (!path) throw new Error(`No path listed for Yappli ${resource}:${operation}`);
				return `| Yappli CRM | ${YAPPLI_RESOURCES[resource]} | ${entry.name} | \`${path}\` | ${TESTED_IN.yappli} |`;
			}),
	);
}

function rodemRows(): string[] {
	const operation = new Rodem().description.properties.find((p) => p.name === 'operation');
	return ((operation?.options ?? []) as Array<{ name: string }>).map(
		(option) =>
			`| RODEM | Expense | ${option.name} | \`GET /api/v1/expenses\` | ${TESTED_IN.rodem} |`,
	);
}

const SATORI_RESOURCES: Record<string, string> = {
	customer: 'Customer',
	customerBulk: 'Customer (Bulk)',
	customerAction: 'Customer Action',
};

function satoriRows(): string[] {
	const call = (name: keyof typeof SATORI_ENDPOINTS) => {
		const { method, path, proposed } = SATORI_ENDPOINTS[name];
		return `\`${method} ${path}\`${proposed ? ' (PROPOSED)' : ''}`;
	};
	return Object.entries(SATORI_OPERATIONS).flatMap(([resource, operations]) =>
		Object.values(operations)
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((entry) => {
				const bulk = 'executeAll' in entry.module;
				const via = bulk
					? `${call(entry.endpoint)}; with **Wait for Completion** also ${call('bulkStatus')}`
					: call(entry.endpoint);
				const tested = bulk ? `${TESTED_IN.satori}, ${TESTED_IN.satoriBulk}` : TESTED_IN.satori;
				return `| SATORI | ${SATORI_RESOURCES[resource]} | ${entry.name} | ${via} | ${tested} |`;
			}),
	);
}

/** cyzen's rows: every operation with its path and the path's status (spec §10). */
function cyzenRows(): string[] {
	const name = (value: string) => CYZEN_RESOURCES.find((r) => r.value === value)?.name ?? value;
	return [...CYZEN_OPERATIONS]
		.sort(
			(a, b) => name(a.resource).localeCompare(name(b.resource)) || a.name.localeCompare(b.name),
		)
		.map((e) => {
			const via = e.status ? endpoint(e) : 'any method and path, with query and form fields';
			return `| cyzen | ${name(e.resource)} | ${e.name} | ${via} | ${TESTED_IN.cyzen} |`;
		});
}

const resourceName = (value: string) => RESOURCES.find((r) => r.value === value)?.name ?? value;
/** An endpoint's cell: method and path, and the path's status when its table gives one. */
const endpoint = (e: EndpointSpec) =>
	`\`${e.method} ${e.path}\`${e.status ? ` (${e.status})` : ''}`;

/** The README's operations table, generated from the endpoint table so the two cannot drift. */
export function mazricaOperationsTable(): string {
	const rows = [...OPERATIONS]
		.sort(
			(a, b) =>
				resourceName(a.resource).localeCompare(resourceName(b.resource)) ||
				a.name.localeCompare(b.name),
		)
		.map((e) => {
			const bulk = bulkTwin(e);
			const via = bulk
				? `${endpoint(e)}; with **Use Bulk Endpoint**: ${endpoint(bulk)}`
				: endpoint(e);
			const tested = bulk ? `${TESTED_IN.operation}, ${TESTED_IN.bulk}` : TESTED_IN.operation;
			return `| Mazrica | ${resourceName(e.resource)} | ${e.name} | ${via} | ${tested} |`;
		});
	return [
		'| Vendor | Resource | Operation | Endpoint | Tested in |',
		'|---|---|---|---|---|',
		...rows,
		...yappliRows(),
		...rodemRows(),
		...satoriRows(),
		...cyzenRows(),
		'',
		`Mazrica: ${OPERATIONS.length} operations covering all ${OPERATIONS.length + OPERATIONS.filter((e) => bulkTwin(e)).length} documented endpoints (the bulk endpoints are reached through "Use Bulk Endpoint"), paths below \`/v1\`. Yappli CRM: paths below \`{App URL}/api/ext\`; the token endpoint is used by the credential. RODEM: the OAuth endpoints are used by the credential. SATORI: paths below the credential's Base URL (\`https://api.satr.jp\`); SATORI publishes no path for the PROPOSED ones, which each operation lets you correct under Options → Endpoint Path. cyzen: paths below \`https://ext.cyzen.cloud/webapi/v0\`; CONFIRMED paths were seen in public integration code, EMBEDDED ones carry data that also comes inside a confirmed endpoint, and PROPOSED ones are our reading of the vendor's overview (the full reference is not public) — if your reference names a path differently, use Custom API Call.`,
	].join('\n');
}
