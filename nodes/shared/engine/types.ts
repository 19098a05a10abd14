import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { RequestOptions, ResultLimit, VendorConnection, VendorRequest } from '../transport';
import type { EndpointEngine } from './engine';

/** How a plain field is shown in n8n and encoded for the API (see encode-field.ts). */
export type BuiltInKind =
	/** Free text. */
	| 'string'
	/** Integer or decimal. */
	| 'number'
	| 'boolean'
	/** An instant, sent in the vendor's zone and `dates.dateTime` layout (or the field's `dateLayout`). */
	| 'dateTime'
	/** A calendar date, sent in the vendor's `dates.date` layout. */
	| 'date'
	/** One of `values`. */
	| 'options'
	/** A related record written as `{ "id": n }`. */
	| 'reference'
	/** A plain id (whole number, or a string key with `stringId`), sent as the value itself. */
	| 'id'
	/** Several ids, sent as an array. */
	| 'idList'
	/** Several related records, written as `[{ "id": n }, …]`. */
	| 'referenceList'
	/** Any JSON (objects or arrays a vendor document leaves open). */
	| 'json';

/**
 * A kind only one vendor has (e.g. Mazrica's custom items with a resource mapper). It shows its
 * own parameters, reads and encodes its own value, and puts it into the request.
 */
export interface FieldKindPlugin {
	/** The parameters shown for the field; they are placed at the top of the operation. */
	properties(field: FieldSpec, endpoint: EndpointSpec): INodeProperties[];
	/** This item's encoded value, or undefined when not set. Throws a NodeOperationError on bad input. */
	read(item: ItemParameters, field: FieldSpec): unknown;
	/**
	 * Map Automatically: the encoded value of what the input item holds under the field's API
	 * name (not empty), in the API's own shape; the plugin's parameters are hidden and not read.
	 * Throws a NodeOperationError on bad input.
	 */
	fromInput(item: ItemParameters, field: FieldSpec, raw: unknown): unknown;
	/** Puts the value into the request; by default `body[field.name] = value`. */
	place?(request: BuiltRequest, field: FieldSpec, value: unknown): void;
}

/**
 * A reference whose vendor has a list endpoint becomes a resource locator: *From List* (the
 * list operation, searchable and paginated) or *By ID*.
 */
export interface LocatorSpec {
	/** The resource whose list operation (`operation`, default 'getAll') lists the choices. */
	resource: string;
	operation?: string;
	/** The list's own search parameter that receives what the user types; without it the page is filtered here by label. */
	searchField?: string;
	/** Record fields for the choice's value and label; default 'id' and 'name'. */
	value?: string;
	label?: string;
	/** Shown in the By ID box. */
	placeholder?: string;
}

export interface FieldSpec {
	/** The API's own name (body key, query key or `{placeholder}` of the path). */
	name: string;
	/** The n8n parameter name when it differs from the API name: one name, one meaning, one type per node. */
	parameter?: string;
	/** English label shown in n8n. */
	displayName: string;
	kind: BuiltInKind | FieldKindPlugin;
	required?: boolean;
	/** English description; may quote the vendor's Japanese wording. */
	description?: string;
	/** For ids and lists of ids: the loadOptions method that lists the choices as a dropdown. */
	loadOptions?: string;
	/** For single references and ids: list and search the choices as a resource locator instead. */
	locator?: LocatorSpec;
	/** Parameters the dropdown depends on (e.g. phases depend on the deal type). */
	dependsOn?: string[];
	/** For 'options'. */
	values?: Array<{ name: string; value: string | number | boolean }>;
	/** Numeric bounds, e.g. a month 1..12. */
	min?: number;
	max?: number;
	/** 'id' only: the id is a string key rather than a whole number. */
	stringId?: boolean;
	/** Ids: 0 is a value the vendor gives a meaning to (e.g. "clears the owner role"), not "not set". */
	acceptsZero?: boolean;
	/** Ids: words the vendor accepts besides ids (e.g. "all"). */
	alsoAccepts?: string[];
	/** 'dateTime' only: a luxon layout other than the vendor's default (e.g. with the offset). */
	dateLayout?: string;
	/** 'boolean' only: the API wants 1/0. */
	booleanAsNumber?: boolean;
	/** Default shown in n8n (defaults to empty for the kind). */
	default?: string | number | boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where a path's evidence comes from, shown in the operation's description and the README. */
export type EndpointStatus = 'CONFIRMED' | 'EMBEDDED' | 'PROPOSED';

/** A named group of optional fields in the node. */
export type FieldCollection = 'additionalFields' | 'updateFields' | 'filters' | 'options';

export interface EndpointSpec {
	/** Resource value in the node, camelCase, e.g. 'customerAction'. */
	resource: string;
	/** Operation value: 'get', 'getAll', 'create', … */
	operation: string;
	/** Operation label: 'Get', 'Get Many', 'Create', … */
	name: string;
	/** Sentence for n8n's action list: 'Create a customer'. */
	action: string;
	/** English description of the operation. */
	description: string;
	/** The vendor document's own title, for traceability. */
	title: string;
	method: HttpMethod;
	/** Path below the base URL with `{name}` placeholders. */
	path: string;
	/** How sure we are of the path; shown when set. */
	status?: EndpointStatus;
	/** One entry per `{name}` in `path`. */
	pathParams?: FieldSpec[];
	query?: FieldSpec[];
	body?: FieldSpec[];
	/** A paged list: the vendor's pager pages it; the node gets Return All / Limit. */
	paged?: { listKey: string };
	/** An unpaged list: the records are the answer itself, or the list under this key. */
	listKey?: string;
	/** A quirky answer's records, read by the vendor's own reader. */
	readRecords?: (response: unknown) => IDataObject[];
	/** A POST or PUT that only reads (e.g. a search): no write notice, safe to repeat. */
	reads?: boolean;
	/** Optional body fields' collection; default Update Fields for PATCH and PUT, else Additional Fields. */
	bodyCollection?: 'additionalFields' | 'updateFields';
	/** Optional query fields' collection; default Filters for lists, else Options. */
	queryCollection?: 'filters' | 'options';
	/** Refuse to send without at least one query filter (it would apply to every record). */
	requiresFilter?: boolean;
	/** A warning shown above the operation's fields. */
	notice?: string;
	/** Send the body form-encoded; default the vendor's `encoding`. */
	encoding?: 'json' | 'form';
}

export interface ResourceSpec {
	value: string;
	name: string;
	description: string;
}

/** One item's request, validated and encoded. */
export interface BuiltRequest {
	path: string;
	qs: IDataObject;
	body: IDataObject;
	/** The path values by API name, e.g. for grouping bulk records. */
	pathValues: Record<string, string | number>;
}

/** One item's parameters, each n8n parameter read (and its expressions evaluated) once. */
export interface ItemParameters {
	readonly context: IExecuteFunctions;
	readonly itemIndex: number;
	/** A top-level parameter, or one field of a collection ('additionalFields', …). */
	value(name: string, collection?: FieldCollection): unknown;
}

/** What a pager gets for one list request. */
export interface PageRun<E extends EndpointSpec = EndpointSpec> {
	endpoint: E;
	request: BuiltRequest;
	limit: ResultLimit;
	/** Sends through the vendor's connection with this run's options (throttle, retries, errors). */
	send(request: VendorRequest): Promise<unknown>;
}

/** One page of a list: its records, the token of the next page if any. */
export interface PageResult {
	items: IDataObject[];
	next?: string;
	/**
	 * The tokens of every further page this run needs, when the page tells the total (Mazrica's
	 * `totalCount`): they are requested several at a time, so the vendor's burst is used instead
	 * of one round trip per page. `next` of the last of them still continues page by page.
	 */
	rest?: string[];
}

/** How a vendor pages its lists: one page at a time, the token of the next page if any. */
export interface Pager<E extends EndpointSpec = EndpointSpec> {
	page(run: PageRun<E>, token: string | undefined): Promise<PageResult>;
}

/** Behaviour that is not a plain request, e.g. Mazrica's bulk twin with bisection. */
export interface OperationHook<E extends EndpointSpec = EndpointSpec> {
	/** Parameters added after the operation's own (e.g. a bulk toggle). */
	properties?(endpoint: E): INodeProperties[];
	/** Runs the whole input instead of the engine's item loop; undefined lets the engine run it. */
	execute?(
		context: IExecuteFunctions,
		endpoint: E,
		engine: EndpointEngine<E>,
	): Promise<INodeExecutionData[] | undefined>;
}

/** Everything vendor-specific the engine needs, given once when a node is built. */
export interface EngineConfig<E extends EndpointSpec = EndpointSpec> {
	/** The vendor's name in messages and notices. */
	vendor: string;
	connection: VendorConnection;
	resources: ResourceSpec[];
	/** The Resource dropdown's default (saved workflows omit a parameter left at its default). */
	defaultResource?: string;
	/** The operations a user picks, one endpoint each. */
	operations: E[];
	pager: Pager<E>;
	/** The zone and luxon layouts of the vendor's dates. */
	dates: { zone: string; dateTime: string; date: string };
	/** Default body encoding; default 'json'. */
	encoding?: 'json' | 'form';
	/** How arrays are written in query strings (e.g. 'repeat' for `users[]id=1&users[]id=2`). */
	arrayFormat?: VendorRequest['arrayFormat'];
	/** The entries of every operation's Options collection (e.g. Max Requests per Second). */
	optionProperties: INodeProperties[];
	/** Those options as the transport takes them, for one item. */
	callOptions(context: IExecuteFunctions, itemIndex: number): RequestOptions;
	hooks?: Array<OperationHook<E>>;
}
