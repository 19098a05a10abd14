/**
 * The Mazrica Open API v1 as data, on the shared endpoint engine (nodes/shared/engine): every
 * documented endpoint is one MazricaEndpoint, and the node's Resource/Operation dropdowns, its
 * parameters, the zod validation of what a user typed and the HTTP request are all derived from
 * these entries. An endpoint is described once, here.
 *
 * Source: seeds/002_63f3be44159fad22.txt ("Mazrica Open API References (v1)"). Entries marked
 * `proposed` carry shapes the vendor document leaves collapsed.
 */
import type { EndpointSpec, FieldSpec, ResourceSpec } from '@japan-saas/shared/engine';

export type { FieldSpec, ResourceSpec };

/** The loadOptions methods of ../methods/load-options.ts that fields name. */
export type LoadOptionsMethod =
	| 'getUsers'
	| 'getRoles'
	| 'getPhases'
	| 'getProducts'
	| 'getProbabilities'
	| 'getChannels'
	| 'getEndPhaseReasons'
	| 'getActionPurposes'
	| 'getActionPatterns'
	| 'getActionCustomItems'
	| 'getCustomObjectFields';

/** Which settings endpoint defines a set of custom items (詳細項目). */
export type CustomItemsOf = 'customer' | 'contact' | 'deal' | 'action' | 'customObject';

/** `{ totalCount, page, <listKey>: [...] }` paged with `page` (spec §5). */
export interface MazricaPaging {
	listKey: string;
	pageSize: number;
	/** `GET /deals` only: the page size can be raised with `limit` up to this. */
	maxPageSizeViaLimit?: number;
	/** Search endpoints send `page` in the body instead of the query. */
	pageInBody?: boolean;
}

/** This endpoint is the bulk form of another operation of the same resource (spec §6). */
export interface BulkSpec {
	operation: string;
	/** Body key holding the records, e.g. 'customers'. */
	listKey: string;
	/** Records per request (1,000 for every Mazrica bulk endpoint). */
	maxItems: number;
	/**
	 * Path values of the single operation that each bulk row carries instead, e.g. the customer
	 * of a customer action as `customer: { id }` ([proposed]: the reference collapses row shapes).
	 */
	carry?: Array<{ path: string; as: string; reference?: boolean }>;
	/** Bulk-level fields read off each row when not set on the node, e.g. the deal type of a deal. */
	fromRow?: Record<string, string>;
}

export interface MazricaEndpoint extends EndpointSpec {
	paged?: MazricaPaging;
	bulkOf?: BulkSpec;
	/** Plan-gated: answered 403 when the contract lacks the feature (spec §8). */
	plan?: 'customObjects' | 'lifecycleStages';
}
