import { ENDPOINTS } from './index';
import type { MazricaEndpoint } from './schema';

/** Operations a user picks: every endpoint except the bulk forms, which ride on their single twin. */
export const OPERATIONS: MazricaEndpoint[] = ENDPOINTS.filter((endpoint) => !endpoint.bulkOf);

const byKey = new Map(
	OPERATIONS.map((endpoint) => [`${endpoint.resource}:${endpoint.operation}`, endpoint]),
);
const bulkByTarget = new Map(
	ENDPOINTS.filter((endpoint) => endpoint.bulkOf).map((endpoint) => [
		`${endpoint.resource}:${endpoint.bulkOf?.operation}`,
		endpoint,
	]),
);

export function operationEndpoint(
	resource: string,
	operation: string,
): MazricaEndpoint | undefined {
	return byKey.get(`${resource}:${operation}`);
}

/** The bulk endpoint that can carry this operation's records, if the API has one. */
export function bulkTwin(endpoint: MazricaEndpoint): MazricaEndpoint | undefined {
	return bulkByTarget.get(`${endpoint.resource}:${endpoint.operation}`);
}
