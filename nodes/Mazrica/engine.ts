import { JAPAN_ZONE } from '@japan-saas/shared/dates';
import {
	readRequestOptions,
	requestOptionProperties,
} from '@japan-saas/shared/descriptions/request-options';
import { EndpointEngine } from '@japan-saas/shared/engine';

import { bulkHook } from './bulk/hook';
import { OPERATIONS } from './endpoints/catalog';
import { RESOURCES } from './endpoints/index';
import type { MazricaEndpoint } from './endpoints/schema';
import { mazricaPager } from './transport/pager';
import { mazricaConnection } from './transport/profile';

/** Mazrica on the shared endpoint engine: its tables, connection, pager and bulk twins. */
export const mazricaEngine = new EndpointEngine<MazricaEndpoint>({
	vendor: 'Mazrica',
	connection: mazricaConnection,
	resources: RESOURCES,
	defaultResource: 'customer',
	operations: OPERATIONS,
	pager: mazricaPager,
	// Spec §3: filters in Japan time without offset (actions and audits add +09:00 per field).
	dates: { zone: JAPAN_ZONE, dateTime: "yyyy-MM-dd'T'HH:mm:ss", date: 'yyyy-MM-dd' },
	// users[]id=1&users[]id=2 (spec §5.1).
	arrayFormat: 'repeat',
	optionProperties: requestOptionProperties('Mazrica', 'documented 3 requests per second'),
	callOptions: readRequestOptions,
	hooks: [bulkHook],
});
