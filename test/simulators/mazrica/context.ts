import type { Handler, SimRequest } from '../../kit/simulator';
import type { Serializer } from './serialize';
import type { MazricaStore } from './store';
import type { AuditOperation, PlanFlags } from './types';

/** What each `routes/*.ts` module gets from the simulator. */
export interface RouteContext {
	readonly store: MazricaStore;
	readonly serialize: Serializer;
	/** Registers a route under the base path (`/v1`). */
	route(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, handler: Handler): void;
	/** The simulator clock, truncated to whole seconds, for createdAt / updatedAt. */
	now(): number;
	/** The plan of the calling key. */
	plan(req: SimRequest): PlanFlags;
	/** Writes one audit entry for an API write (§12.11; bulk writes call nothing). */
	audit(
		req: SimRequest,
		operation: AuditOperation,
		targetType: string,
		targetId: number | string,
		targetName: string | null,
	): void;
	/** Q4 switch: `GET /contacts` answers a bare array. */
	readonly contactsBareArray: boolean;
}
