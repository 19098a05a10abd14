import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { chosenOperation, runPerItem } from '../execute/per-item';
import {
	collect,
	vendorRequest,
	type RequestContext,
	type RequestOptions,
	type ResultLimit,
	type VendorRequest,
} from '../transport';
import { buildRequest, encodeField, notSet } from './build-request';
import { searchMethodName } from './field-properties';
import { formFields } from './form-body';
import { itemParameters, locatorValue } from './item-parameters';
import { missingCredential } from './missing-credential';
import { nodeProperties } from './node-properties';
import { pagedRecords } from './paging';
import type { BuiltRequest, EndpointSpec, EngineConfig, FieldSpec, LocatorSpec } from './types';

type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** Choices per page of a *From List* search. */
const LIST_PAGE: ResultLimit = { returnAll: false, limit: 100 };

/**
 * A table-shaped vendor's node: its properties, its listSearch methods and its execute, all
 * derived from the vendor's tables. See README.md in this folder.
 */
export class EndpointEngine<E extends EndpointSpec = EndpointSpec> {
	readonly properties: INodeProperties[];
	/** One *From List* search per resource locator in the tables, for the node's `methods`. */
	readonly listSearch: Record<string, ListSearch>;
	private readonly byKey: Map<string, E>;

	constructor(readonly config: EngineConfig<E>) {
		this.properties = nodeProperties(config);
		this.byKey = new Map(config.operations.map((e) => [`${e.resource}:${e.operation}`, e]));
		this.listSearch = this.listSearchMethods();
	}

	/** The operation's endpoint, if the tables have it. */
	endpoint(resource: string, operation: string): E | undefined {
		return this.byKey.get(`${resource}:${operation}`);
	}

	/** The node's execute: routes to the operation, lets a hook take the run, else runs item by item. */
	async execute(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const endpoint = chosenOperation(context, this.config.vendor, (resource, operation) =>
			this.endpoint(resource, operation),
		).entry;
		for (const hook of this.config.hooks ?? []) {
			const out = await hook.execute?.(context, endpoint, this);
			if (out) return [out];
		}
		return [await runPerItem(context, async (i) => await this.runItem(context, endpoint, i))];
	}

	/** One item's parameters, validated and encoded as a request (throws naming the bad field). */
	buildRequest(context: IExecuteFunctions, endpoint: E, itemIndex: number): BuiltRequest {
		return buildRequest(itemParameters(context, itemIndex), endpoint, this.config.dates);
	}

	/**
	 * Validates and encodes one value of a field a hook reads itself (e.g. a bulk-level field);
	 * undefined when it is not set. Throws a NodeOperationError naming the field on bad input.
	 */
	encode(context: IExecuteFunctions, field: FieldSpec, raw: unknown, itemIndex: number): unknown {
		const value = locatorValue(raw);
		if (notSet({ ...field, required: true }, value)) return undefined;
		return encodeField(itemParameters(context, itemIndex), field, value, this.config.dates);
	}

	/** Sends one request through the vendor's connection, encoded as the vendor wants it. */
	async send(
		context: RequestContext,
		endpoint: E,
		request: VendorRequest,
		options: RequestOptions = {},
	): Promise<unknown> {
		const form = (endpoint.encoding ?? this.config.encoding) === 'form';
		return await vendorRequest.call(
			context,
			this.config.connection,
			{
				arrayFormat: this.config.arrayFormat,
				...request,
				...(form && request.body && !Array.isArray(request.body)
					? { body: formFields(request.body), form: true }
					: {}),
			},
			options,
		);
	}

	/** Runs one non-hooked operation for one input item and returns its output records. */
	async runItem(
		context: IExecuteFunctions,
		endpoint: E,
		itemIndex: number,
	): Promise<IDataObject[]> {
		const request = this.buildRequest(context, endpoint, itemIndex);
		const options = this.config.callOptions(context, itemIndex);
		if (endpoint.paged) {
			const limit: ResultLimit = {
				returnAll: context.getNodeParameter('returnAll', itemIndex, false) as boolean,
				limit: context.getNodeParameter('limit', itemIndex, 50) as number,
			};
			const run = {
				endpoint,
				request,
				limit,
				send: async (r: VendorRequest) => await this.send(context, endpoint, r, options),
			};
			return await collect(pagedRecords(this.config.pager, run), limit);
		}
		const hasBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
		const response = await this.send(
			context,
			endpoint,
			{
				method: endpoint.method,
				path: request.path,
				qs: request.qs,
				body: hasBody ? request.body : undefined,
				...(endpoint.reads ? { idempotent: true } : {}),
			},
			options,
		);
		return recordsOf(endpoint, response, request);
	}

	private listSearchMethods(): Record<string, ListSearch> {
		const locators = new Map<string, LocatorSpec>();
		for (const endpoint of this.config.operations) {
			for (const field of [
				...(endpoint.pathParams ?? []),
				...(endpoint.query ?? []),
				...(endpoint.body ?? []),
			]) {
				if (field.locator) locators.set(searchMethodName(field.locator), field.locator);
			}
		}
		const methods: Record<string, ListSearch> = {};
		for (const [name, locator] of locators) {
			const list = this.endpoint(locator.resource, locator.operation ?? 'getAll');
			if (!list) throw new Error(`${name}: no ${locator.resource} list operation in the table`);
			if (list.pathParams?.length)
				throw new Error(`${name}: ${list.path} needs path parameters a list search cannot give`);
			const engine = this as EndpointEngine<E>;
			methods[name] = async function (this: ILoadOptionsFunctions, filter, paginationToken) {
				return await engine.search(this, list, locator, filter, paginationToken);
			};
		}
		return methods;
	}

	/** One page of choices for a resource locator, searched by the vendor when it can. */
	private async search(
		context: ILoadOptionsFunctions,
		list: E,
		locator: LocatorSpec,
		filter: string | undefined,
		token: string | undefined,
	): Promise<INodeListSearchResult> {
		const notice = missingCredential(context, this.config.connection);
		if (notice) return { results: [{ name: notice, value: '' }] };
		const typed = filter?.trim() ?? '';
		const request: BuiltRequest = {
			path: list.path,
			qs: typed && locator.searchField ? { [locator.searchField]: typed } : {},
			body: {},
			pathValues: {},
		};
		const send = async (r: VendorRequest) => await this.send(context, list, r);
		let records: IDataObject[];
		let next: string | undefined;
		if (list.paged) {
			({ items: records, next } = await this.config.pager.page(
				{ endpoint: list, request, limit: LIST_PAGE, send },
				token,
			));
		} else {
			records = recordsOf(list, await send({ method: list.method, path: list.path }), request);
		}
		const label = locator.label ?? 'name';
		const value = locator.value ?? 'id';
		const needle = locator.searchField ? '' : typed.toLowerCase();
		const results = records
			.filter((record) => record[value] !== undefined && record[value] !== null)
			.map((record) => ({
				name: String(record[label] ?? record[value]),
				value: record[value] as string | number,
			}))
			.filter((choice) => !needle || choice.name.toLowerCase().includes(needle));
		return { results, paginationToken: next };
	}
}

/** The records of an unpaged answer: a list, the list under `listKey`, or the one record. */
function recordsOf(
	endpoint: EndpointSpec,
	response: unknown,
	request: BuiltRequest,
): IDataObject[] {
	if (endpoint.readRecords) return endpoint.readRecords(response);
	if (Array.isArray(response)) return response as IDataObject[];
	if (endpoint.listKey && response && typeof response === 'object') {
		const list = (response as IDataObject)[endpoint.listKey];
		if (Array.isArray(list)) return list as IDataObject[];
	}
	if (response === undefined || response === null || response === '') {
		return [{ success: true, ...request.pathValues }];
	}
	return [response as IDataObject];
}
