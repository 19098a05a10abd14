import { EndpointEngine, nextKeyPager } from '@japan-saas/shared/engine';
import { readRequestOptions } from '@japan-saas/shared/descriptions/request-options';

import { customApiCallHook } from './actions/custom-api-call';
import { CYZEN_OPTIONS } from './actions/options';
import { cyzenRunHook } from './actions/run';
import { OPERATIONS, RESOURCES } from './endpoints/index';
import type { CyzenEndpoint } from './endpoints/schema';
import { cyzenConnection, CYZEN_TIME_LAYOUT, CYZEN_ZONE } from './transport';

/** cyzen on the shared endpoint engine: its table, connection, `next_*` pager and its quirks' hooks. */
export const cyzenEngine = new EndpointEngine<CyzenEndpoint>({
	vendor: 'cyzen',
	connection: cyzenConnection,
	resources: RESOURCES,
	defaultResource: 'spot',
	operations: OPERATIONS,
	pager: nextKeyPager(),
	// Spec §5: UTC without suffix, in requests and answers.
	dates: { zone: CYZEN_ZONE, dateTime: CYZEN_TIME_LAYOUT, date: 'yyyy-MM-dd' },
	// Spec §4: POST/PUT bodies are forms.
	encoding: 'form',
	optionProperties: CYZEN_OPTIONS,
	callOptions: readRequestOptions,
	// The custom call first: it takes its own endpoint; the run hook takes every other one.
	hooks: [customApiCallHook, cyzenRunHook],
});
