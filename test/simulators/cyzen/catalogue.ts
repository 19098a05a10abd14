/**
 * Spec §10: the vendor's 24 objects and 54 operations [vendor doc matrix], each with the path the
 * simulator serves it on and the path's status. CONFIRMED paths were seen in public code; an
 * EMBEDDED operation's data comes inside a confirmed endpoint (`embeddedIn`) and `path` is its
 * PROPOSED dedicated path; PROPOSED paths follow the §10.1 naming rules. `GET /user_tags` is
 * CONFIRMED but outside the matrix (object 0).
 */
/** Every path below is relative to this ([public code] PC1–PC3: `https://ext.cyzen.cloud/webapi/v0`). */
export const BASE_PATH = '/webapi/v0';

export type Status = 'CONFIRMED' | 'EMBEDDED' | 'PROPOSED';
export type Operation = 'get' | 'create' | 'update' | 'delete';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CatalogueEntry {
	object: number;
	label: string;
	operation: Operation;
	method: Method;
	path: string;
	status: Status;
	embeddedIn?: string;
}

const METHOD: Record<Operation, Method> = {
	get: 'GET',
	create: 'POST',
	update: 'PUT',
	delete: 'DELETE',
};

type Row = [
	object: number,
	label: string,
	path: string,
	ops: Partial<Record<Operation, Status | [Status, string]>>,
];

const P = 'PROPOSED';
const C = 'CONFIRMED';

const ROWS: Row[] = [
	[1, '履歴情報(打刻情報)', '/histories', { get: C }],
	[2, '履歴情報(自動記録位置情報)', '/trackings', { get: P }],
	[3, 'ユーザーごとの最新位置 (打刻+自動記録)', '/members_statuses', { get: C }],
	[4, 'スポット情報', '/spots', { get: C, create: C, update: C, delete: P }],
	[5, 'スポット顧客担当者', '/spot_customer_staffs', { get: P, create: P, update: P, delete: P }],
	[6, 'スポット自社担当者', '/spot_staffs', { get: P, create: P, delete: P }],
	[
		7,
		'スポットとスポットタグの関連づけ',
		'/spot_tag_relations',
		{ get: ['EMBEDDED', 'GET /spots'], create: P, update: P, delete: P },
	],
	[8, 'スポットタグ情報', '/spot_tags', { get: C }],
	[9, 'グループ情報', '/groups', { get: C, create: P, update: P, delete: P }],
	[10, 'ユーザー情報', '/users', { get: C, create: P, update: P, delete: P }],
	[
		11,
		'ユーザー所属情報',
		'/user_groups',
		{ get: ['EMBEDDED', 'GET /users'], create: P, update: P, delete: P },
	],
	[12, 'ステータス情報', '/statuses', { get: C }],
	[13, '行動種別情報', '/action_types', { get: P }],
	[14, '報告書定義情報', '/report_definitions', { get: C }],
	[15, '報告書', '/reports', { get: C }],
	[16, '画像', '/images', { get: P }],
	[17, '予定情報', '/schedules', { get: C, create: C, update: P, delete: P }],
	[
		18,
		'予定のメンバー',
		'/schedule_members',
		{
			get: ['EMBEDDED', 'GET /schedules'],
			create: ['EMBEDDED', 'POST /schedules'],
			update: P,
			delete: P,
		},
	],
	[19, '交通費情報', '/transportation_expenses', { get: P }],
	[20, 'スポット写真情報', '/spot_photos', { get: P, delete: P }],
	[21, 'スポット写真タグ情報', '/spot_photo_tags', { get: P, delete: P }],
	[22, 'スポット仕分け構造情報', '/spot_classifications', { get: P, update: P }],
	[23, 'スポット仕分け構造定義情報', '/spot_classification_definitions', { get: P }],
	[
		24,
		'スポット写真情報の写真ごとの情報 (メタデータ)',
		'/spot_photo_metadata',
		{ get: P, update: P },
	],
	[0, 'メンバー属性 (outside the 2023-01 matrix)', '/user_tags', { get: C }],
];

export const CATALOGUE: CatalogueEntry[] = ROWS.flatMap(([object, label, path, ops]) =>
	(Object.entries(ops) as Array<[Operation, Status | [Status, string]]>).map(([operation, s]) => ({
		object,
		label,
		operation,
		method: METHOD[operation],
		path,
		...(Array.isArray(s) ? { status: s[0], embeddedIn: s[1] } : { status: s }),
	})),
);

/** Whether the simulator serves `method path` only while the PROPOSED-paths switch is on. */
export function isProposedPath(method: string, path: string): boolean {
	const entry = CATALOGUE.find((e) => e.method === method && e.path === path);
	if (!entry) throw new Error(`${method} ${path} is not in the §10 catalogue`);
	return entry.status !== 'CONFIRMED';
}
