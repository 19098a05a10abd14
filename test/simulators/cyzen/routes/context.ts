import type { SimRequest } from '../../../kit/simulator';
import type { Method } from '../catalogue';
import type { WriteLedger, WriteOperation } from '../ledger';
import type { Params } from '../params';
import type { Serializer } from '../serialize';
import type { CyzenStore } from '../store';
import type { CyzenSwitches } from '../switches';
import type { UtcText } from '../time';

/** A vendor handler: gets the authenticated request's parameters, returns the JSON body (HTTP 200). */
export type CyzenHandler = (params: Params, req: SimRequest) => unknown;

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
	/** The simulator clock, whole seconds. */
	now(): number;
	nowText(): UtcText;
	/** Records an applied write in the ledger. */
	wrote(
		method: Exclude<Method, 'GET'>,
		path: string,
		operation: WriteOperation,
		ids: Record<string, string>,
		params: Params,
		upsert?: true,
	): void;
}
