/**
 * Permission items of SATORI's permission rules (権限ルール) that apply to API calls since
 * 2025-10-21 (vendor overview). Which call needs which item is our mapping [proposed]: the
 * check marks of the vendor's table are not legible.
 */
export type Permission =
	/** カスタマー新規登録 */
	| 'createCustomer'
	/** カスタマー情報の編集 ※1 */
	| 'editCustomer'
	/** カスタマーの削除 ※1 */
	| 'deleteCustomer'
	/** カスタマーの一括登録 */
	| 'bulkRegister'
	/** カスタマーステータスの一括取得 */
	| 'bulkStatus'
	/** カスタマーのユーザー定義アクション — 新規登録の実行 */
	| 'createAction';

export const ALL_PERMISSIONS: Permission[] = [
	'createCustomer',
	'editCustomer',
	'deleteCustomer',
	'bulkRegister',
	'bulkStatus',
	'createAction',
];

export interface SatoriUser {
	name: string;
	userKey: string;
	userSecret: string;
	permissions: Permission[];
	/**
	 * ※1 "自分のみ" (own only): edit and delete work only on customers registered with this
	 * user's own API key or by the user in the admin screen.
	 */
	scope: 'all' | 'own';
}

export interface Tenant {
	name: string;
	companyKey: string;
	companySecret: string;
	users: SatoriUser[];
	/** Parameter names of the custom items defined in the admin screen (without `custom:`). */
	customItems: string[];
}

export interface CustomerRec {
	/** Opaque 32-hex SATORI customer id. */
	hashcode: string;
	email: string;
	/** Standard items by v4 name (collection_route, last_name, …). */
	items: Record<string, string>;
	custom: Record<string, string>;
	tags: Set<string>;
	/** Every `action[...]` field of each add_action call, verbatim. */
	actions: Array<Record<string, string>>;
	/** The user whose key (or admin-screen login) registered the customer: the "own only" owner. */
	ownerUserKey: string;
	createdAt: number;
	updatedAt: number;
}

export type BulkKind = 'registration' | 'upsert';

export interface BulkJob {
	processCode: string;
	companyKey: string;
	userKey: string;
	kind: BulkKind;
	identityType: 'email' | 'hashcode';
	/** Data rows by header name, in file order. */
	rows: Array<Record<string, string>>;
	submittedAt: number;
	/** Set once the rows have been applied. */
	failedRows?: Array<{ row_number: number; message: string }>;
}

/** Switches for the readings the vendor documents allow, and the published faults. */
export interface Behaviour {
	/** 'mirror' (default): HTTP status = body status; 'always200': HTTP 200 for every body. */
	httpStatus: 'mirror' | 'always200';
	/** Where a bulk answer puts its data: `body` (default, as observed live) or `message`. */
	bulkShape: 'body' | 'message';
	/** Success `message` of single-customer calls: 'text' ("OK") or 'object' with the hashcode. */
	successMessage: 'text' | 'object';
	/** How failed_rows count: 'dataRows' (first customer = 1, default) or 'fileLines' (header = 1). */
	rowNumbering: 'dataRows' | 'fileLines';
	/** The 2025-10-21/22 fault: registration of an existing email answers 400 "already exists". */
	duplicateEmailBug: boolean;
	/** A bulk job waits this long, then processes for `processingMs`, then is finished. */
	queueMs: number;
	processingMs: number;
	/** How long a job's status can be read [proposed: 7 days]. */
	jobTtlMs: number;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
	httpStatus: 'mirror',
	bulkShape: 'body',
	successMessage: 'text',
	rowNumbering: 'dataRows',
	duplicateEmailBug: false,
	queueMs: 1000,
	processingMs: 1000,
	jobTtlMs: 7 * 24 * 3600 * 1000,
};
