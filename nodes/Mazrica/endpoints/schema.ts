import type { IDataObject } from 'n8n-workflow';

/**
 * The Mazrica Open API v1 as data. Every documented endpoint is one EndpointSpec; the node's
 * Resource/Operation dropdowns, its parameters, the zod validation of what a user typed and the
 * HTTP request are all derived from these entries (see ../descriptions and ../actions), so an
 * endpoint is described once, here.
 *
 * Source: seeds/002_63f3be44159fad22.txt ("Mazrica Open API References (v1)"). Entries marked
 * `proposed` carry shapes the vendor document leaves collapsed.
 */

/** How a field is shown in n8n and encoded for the API. */
export type FieldKind =
	/** Free text. */
	| 'string'
	/** Integer or decimal. */
	| 'number'
	| 'boolean'
	/** An instant; sent in Japan time as `YYYY-MM-DDTHH:mm:ss` (or with +09:00, see `dateFormat`). */
	| 'dateTime'
	/** A calendar date, sent as `YYYY-MM-DD`. */
	| 'date'
	/** One of `values`. */
	| 'options'
	/** A related record written as `{ "id": n }`, picked from `loadOptions` (e.g. dealType, phase, user). */
	| 'reference'
	/** A plain id (number or string) picked from `loadOptions`, sent as the value itself. */
	| 'id'
	/** Several ids picked from `loadOptions`, sent as an array of numbers (e.g. userIds, endPhaseReasonIds). */
	| 'idList'
	/** Several related records as `[{ "id": n }, …]`, or, for query filters, `users[]id=1&users[]id=2`. */
	| 'referenceList'
	/** Custom items (詳細項目) set field by field with a resource mapper; see `customOf`. */
	| 'customItems'
	/** Any JSON (objects or arrays the document leaves open, e.g. search filters, option lists). */
	| 'json';

export interface FieldSpec {
	/** The API's own name, used for the n8n parameter name too. */
	name: string;
	/** English label shown in n8n. */
	displayName: string;
	kind: FieldKind;
	required?: boolean;
	/** English description; may quote the vendor's Japanese wording. */
	description?: string;
	/** For 'reference' | 'id' | 'idList' | 'referenceList': the loadOptions method that lists choices. */
	loadOptions?: LoadOptionsMethod;
	/** Other parameters the list depends on (e.g. phases depend on dealType). */
	dependsOn?: string[];
	/** For 'options'. */
	values?: Array<{ name: string; value: string | number | boolean }>;
	/** Numeric bounds, e.g. closingMonth 1..12. */
	min?: number;
	max?: number;
	/** 'id' fields only: whether the id is a string key rather than an integer. */
	stringId?: boolean;
	/** 'dateTime' only: audits want an explicit +09:00 offset, everything else none. */
	dateFormat?: 'jst' | 'jstOffset';
	/** 'customItems' only: which settings endpoint defines the items. */
	customOf?: CustomItemsOf;
	/** 'boolean' only: the API wants 1/0 (e.g. include_files=1). */
	booleanAsNumber?: boolean;
	/** Default shown in n8n (defaults to empty for the kind). */
	default?: string | number | boolean;
}

export type LoadOptionsMethod =
	| 'getUsers'
	| 'getUserGroups'
	| 'getRoles'
	| 'getDealTypes'
	| 'getPhases'
	| 'getProducts'
	| 'getProbabilities'
	| 'getChannels'
	| 'getEndPhaseReasons'
	| 'getActionPurposes'
	| 'getActionPatterns'
	| 'getCustomObjectDefinitions'
	| 'getActionCustomItems'
	| 'getCustomObjectFields';

export type CustomItemsOf = 'customer' | 'contact' | 'deal' | 'action' | 'customObject';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface EndpointSpec {
	/** Resource value in the node, camelCase, e.g. 'customerAction'. */
	resource: string;
	/** Operation value: 'get', 'getAll', 'create', 'update', 'delete', 'search', or a verb like 'addUser'. */
	operation: string;
	/** Operation label: 'Get', 'Get Many', 'Create', … */
	name: string;
	/** Sentence for n8n's action list: 'Create a customer'. */
	action: string;
	/** English description of the operation. */
	description: string;
	/** The vendor document's Japanese title, for traceability (e.g. '取引先情報登録'). */
	title: string;
	method: HttpMethod;
	/** Path below /v1 with `{param}` placeholders, e.g. '/customers/{customerId}/actions/{id}'. */
	path: string;
	/** One entry per `{param}` in `path`, in order. */
	pathParams?: FieldSpec[];
	/** Query parameters other than `page` (paging is added from `paged`). */
	query?: FieldSpec[];
	/** JSON body fields. */
	body?: FieldSpec[];
	/** The response is `{ totalCount, page, <listKey>: [...] }` paged with `page`. */
	paged?: {
		listKey: string;
		pageSize: number;
		/** `GET /deals` only: the page size can be raised with `limit` up to this. */
		maxPageSizeViaLimit?: number;
		/** Search endpoints send `page` in the body instead of the query. */
		pageInBody?: boolean;
	};
	/** The response is a bare list, or a list under this key, without paging. */
	listKey?: string;
	/** A quirky answer's records, read by the vendor's own reader (e.g. quirk Q5's deal types). */
	readRecords?: (response: unknown) => IDataObject[];
	/** This endpoint is the bulk form of another operation of the same resource. */
	bulkOf?: {
		operation: string;
		/** Body key holding the records, e.g. 'customers'. */
		listKey: string;
		/** Records per request (1,000 for every Mazrica bulk endpoint). */
		maxItems: number;
	};
	/** Plan-gated: answered 403 when the contract lacks the feature. */
	plan?: 'customObjects' | 'lifecycleStages';
	/** The vendor marks the endpoint deprecated. */
	deprecated?: boolean;
	/** Refuse to send without at least one query filter (an unfiltered bulk delete empties the definition). */
	requiresFilter?: boolean;
	/** A warning shown in n8n above the operation's fields (e.g. cascading deletes). */
	notice?: string;
}

export interface ResourceSpec {
	value: string;
	name: string;
	description: string;
}
