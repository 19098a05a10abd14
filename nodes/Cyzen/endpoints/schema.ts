/**
 * The cyzen 連携API as data, on the shared endpoint engine (nodes/shared/engine). Every operation
 * of spec §10 (24 objects, 54 operations) plus `GET /user_tags` is one CyzenEndpoint; the cyzen
 * quirks that depend on the endpoint are fields here, handled once in ../transport.
 */
import type { IDataObject } from 'n8n-workflow';

import type { EndpointSpec, FieldSpec, ResourceSpec } from '@japan-saas/shared/engine';

import type { WindowRule } from '../transport/windows';

export type { FieldSpec, ResourceSpec };

export interface CyzenEndpoint extends EndpointSpec {
	/** Every cyzen list pages with `next_*` keys (spec §7). */
	paged?: { listKey: string };
	/** A date-windowed list (spec §5): user ranges are split into windows and de-duplicated. */
	window?: WindowRule;
	/** The key(s) that identify a record across windows, for de-duplication. */
	idKeys?: string[];
	/**
	 * Query values sent and dropped once when cyzen answers 400 naming them (spec §9.2:
	 * `field=all` on `/users`, which some tenants refuse).
	 */
	fallbackQuery?: IDataObject;
	/** Query filters cyzen accepts but does not apply (spec §11.3): applied to the records here too. */
	clientFilters?: string[];
}
