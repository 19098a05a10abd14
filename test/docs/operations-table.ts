import { bulkTwin, OPERATIONS } from '../../nodes/Mazrica/endpoints/catalog';
import { RESOURCES } from '../../nodes/Mazrica/endpoints/index';
import type { EndpointSpec } from '../../nodes/Mazrica/endpoints/schema';

/** Where each operation is exercised end to end (through WorkflowExecute, against the simulator). */
export const TESTED_IN = {
	operation: 'test/mazrica/operations.test.ts',
	bulk: 'test/mazrica/bulk.test.ts',
};

const resourceName = (value: string) => RESOURCES.find((r) => r.value === value)?.name ?? value;
const endpoint = (e: EndpointSpec) => `\`${e.method} ${e.path}\``;

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
		'',
		`${OPERATIONS.length} operations covering all ${OPERATIONS.length + OPERATIONS.filter((e) => bulkTwin(e)).length} documented Mazrica endpoints (the bulk endpoints are reached through "Use Bulk Endpoint"). Paths are below \`/v1\`.`,
	].join('\n');
}
