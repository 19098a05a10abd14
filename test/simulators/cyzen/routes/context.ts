import type { Method } from '../catalogue';
import type { Cursor } from '../paging';
import type { WriteLedger } from '../ledger';
import type { Params } from '../params';
import type { Serializer } from '../serialize';
import type { CyzenStore } from '../store';
import type { CyzenSwitches } from '../switches';
import type { UtcText } from '../time';

/**
 * Records an applied write in the ledger and returns its answer (spec §9.5, §9.6, §10.1): POST
 * `{ <ids> }`, PUT `{ modified: 1, <ids> }`, DELETE `{ deleted: 1, <ids> }`. A POST that updated
 * an existing record (`upsert`) is ledgered as an update and answers like a create.
 */
export type Done = (ids: Record<string, string>, options?: { upsert?: true }) => unknown;

/** A vendor handler: gets the authenticated request's parameters, returns the JSON body (HTTP 200). */
export type CyzenHandler = (params: Params, done: Done) => unknown;

export interface ListOptions<T> {
	filters?: Array<keyof T & string>;
	id?: keyof T & string;
	/** A cursor, or one chosen per request (a switch may rename it). */
	cursor?: Cursor<T> | (() => Cursor<T>);
	serialize?: (row: T) => unknown;
}

/** What each `routes/*.ts` module gets from the simulator. */
export interface RouteContext {
	readonly store: CyzenStore;
	readonly serialize: Serializer;
	/** Live switches; a reset restores the constructor's values. */
	readonly switches: CyzenSwitches;
	readonly ledger: WriteLedger;
	/**
	 * Registers `method path` under the base path. Every route checks, in order: the PROPOSED-paths
	 * switch (404), the bearer token (401), a form body on POST/PUT (400), `company_id` (400/403).
	 * The path must be in the §10 catalogue.
	 */
	route(method: Method, path: string, handler: CyzenHandler): void;
	/**
	 * `GET <path>` for a list (§7, §10.1): the rows for the request, filtered by the `filters` parameters
	 * that were sent, paged by `cursor` or, with `id`, by `next_<id>` over that field, and listed
	 * under the path's name. Rows are copied unless `serialize` says otherwise.
	 */
	list<T>(path: string, rows: (params: Params) => Iterable<T>, options: ListOptions<T>): void;
	/** The simulator clock, whole seconds. */
	now(): number;
	nowText(): UtcText;
	/** Moves a record's `updated_at` to now (a link or member list of it changed). */
	touch(record: { updated_at: string } | undefined): void;
}
