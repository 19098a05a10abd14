import type { Handler } from '../../../kit/simulator';
import type { ColumnMap } from '../columns';
import type { MemberInputRules } from '../member-input';
import type { Serializer } from '../serialize';
import type { YappliStore } from '../store';
import type { TokenRegistry } from '../tokens';
import type { MemberRec, ShapeOptions, TenantSettings } from '../types';

/** What each `routes/*.ts` module gets from the simulator. */
export interface RouteContext {
	readonly store: YappliStore;
	readonly serialize: Serializer;
	readonly columns: ColumnMap;
	readonly tokens: TokenRegistry;
	/** Live objects: tests may change them; a reset restores the constructor's values. */
	readonly tenant: TenantSettings;
	readonly shapes: ShapeOptions;
	readonly memberRules: MemberInputRules;
	/** Whether this id and secret belong to a registered API client. */
	isClient(id: unknown, secret: unknown): boolean;
	/** Most items per list page, whatever `per_page` asks (a test speed switch). */
	readonly pageCap?: number;
	/**
	 * Registers a vendor route under `{APP_URL}` (the base path). Every route checks User-Agent
	 * (when required); unless `auth: false`, it then needs a valid, unexpired bearer token.
	 */
	route(
		method: 'GET' | 'POST' | 'PUT',
		path: string,
		handler: Handler,
		options?: { auth?: boolean },
	): void;
	/** The simulator clock, truncated to whole seconds (the API prints seconds). */
	now(): number;
	/** The member with this path id, or 404. */
	member(id: string): MemberRec;
}
