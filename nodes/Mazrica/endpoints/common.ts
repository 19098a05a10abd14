/**
 * Field specs shared by several endpoint files (mostly the three action families: customer,
 * deal and contact actions, whose list filters and bodies are nearly identical in the vendor
 * document).
 */
import type { LocatorSpec } from '@japan-saas/shared/engine';

import { customItems } from '../fields/custom-items';
import type { FieldSpec } from './schema';

/** n8n lint wording every field filled from loadOptions ends with (also used for multi-choice fields, as ../descriptions expects). */
export const PICK_ONE =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** Actions and audits take date-times in Japan time with the offset (spec §3). */
export const JST_WITH_OFFSET = "yyyy-MM-dd'T'HH:mm:ssZZ";

/** Records picked with a resource locator: the list operation that offers them (spec §5.1 search words). */
export const CUSTOMERS: LocatorSpec = { resource: 'customer', searchField: 'searchWord' };
export const DEALS: LocatorSpec = { resource: 'deal', searchField: 'searchWord' };
export const CONTACTS: LocatorSpec = { resource: 'contact', searchField: 'searchWord' };
export const USERS: LocatorSpec = { resource: 'user' };
export const USER_GROUPS: LocatorSpec = { resource: 'userGroup' };
export const DEAL_TYPES: LocatorSpec = { resource: 'dealType' };
export const CUSTOM_OBJECT_DEFINITIONS: LocatorSpec = {
	resource: 'customObjectDefinition',
	searchField: 'searchWord',
	value: 'key',
	placeholder: 'e.g. contract',
};

/** The customer a record is (取引先ID): the same parameter in every operation that names one. */
export const customerId = (apiName: string): FieldSpec => ({
	name: apiName,
	parameter: 'customerId',
	displayName: 'Customer',
	kind: 'id',
	locator: CUSTOMERS,
	required: true,
	description: '取引先ID',
});

/** The contact a record is (コンタクトID). */
export const contactId = (apiName: string): FieldSpec => ({
	name: apiName,
	parameter: 'contactId',
	displayName: 'Contact',
	kind: 'id',
	locator: CONTACTS,
	required: true,
	description: 'コンタクトID',
});

/** The deal a record is (案件ID). */
export const dealId = (apiName: string): FieldSpec => ({
	name: apiName,
	parameter: 'dealId',
	displayName: 'Deal',
	kind: 'id',
	locator: DEALS,
	required: true,
	description: '案件ID',
});

/** "all" in place of a parent's id lists the actions of every parent (allと指定することで…). */
export const orAll = (field: FieldSpec, words: string): FieldSpec => ({
	...field,
	alsoAccepts: ['all'],
	default: 'all',
	description: `${field.description}: ${words}`,
});

/** A user (ユーザー), picked from the team's users. */
export const userField = (name: string, description: string, required = false): FieldSpec => ({
	name,
	displayName: 'User',
	kind: 'id',
	locator: USERS,
	required,
	description,
});

/** A sortable key: API name, English label, and the words for descending and ascending order. */
export type SortKey = [key: string, label: string, descending?: string, ascending?: string];

/** `sort` query parameter over the given keys (並び順), each ascending and descending, sorted by name. */
export function sortField(keys: SortKey[], description = '並び順'): FieldSpec {
	const values = keys.flatMap(
		([key, label, descending = 'Newest First', ascending = 'Oldest First']) => [
			{ name: `${label} (${descending})`, value: `-${key}` },
			{ name: `${label} (${ascending})`, value: key },
		],
	);
	values.sort((a, b) => a.name.localeCompare(b.name));
	return { name: 'sort', displayName: 'Sort', kind: 'options', values, description };
}

/** Sort over updatedAt and createdAt (customers, deals, contacts). */
export const sortByTimestamps = (): FieldSpec =>
	sortField([
		['createdAt', 'Created'],
		['updatedAt', 'Updated'],
	]);

export const updatedAtFrom: FieldSpec = {
	name: 'updatedAtFrom',
	displayName: 'Updated After',
	kind: 'dateTime',
	description: '更新日時による検索範囲(開始)',
};
export const updatedAtTo: FieldSpec = {
	name: 'updatedAtTo',
	displayName: 'Updated Before',
	kind: 'dateTime',
	description: '更新日時による検索範囲(終了)',
};

/** Filters common to the three action lists (取引先/案件/コンタクトアクション情報リスト). */
export const actionListFilters: FieldSpec[] = [
	sortField(
		[['startDatetime', 'Start Time', 'Latest First', 'Earliest First']],
		'並び順 (sortable: startDatetime)',
	),
	{
		name: 'startDatetime',
		displayName: 'Start From',
		kind: 'dateTime',
		description: '開始日時: actions starting at or after this time',
	},
	{
		name: 'endDatetime',
		displayName: 'End Until',
		kind: 'dateTime',
		description: '終了日時: actions ending at or before this time',
	},
	{
		name: 'createdAtFrom',
		displayName: 'Created After',
		kind: 'dateTime',
		description: '登録日時開始時間',
	},
	{
		name: 'createdAtTo',
		displayName: 'Created Before',
		kind: 'dateTime',
		description: '登録日時終了時間',
	},
	{
		name: 'updatedAtFrom',
		displayName: 'Updated After',
		kind: 'dateTime',
		description: '最終更新日時開始時間',
	},
	{
		name: 'updatedAtTo',
		displayName: 'Updated Before',
		kind: 'dateTime',
		description: '最終更新日時終了時間',
	},
	{
		name: 'users[]id',
		parameter: 'users',
		displayName: 'User Names or IDs',
		kind: 'idList',
		loadOptions: 'getUsers',
		description: `アクション担当者、その他の担当者: actions whose owner or other assignees include these users (sent as users[]id=…). ${PICK_ONE}`,
	},
];

/** `active` list filter (true:予定 false:完了). */
export const activeFilter: FieldSpec = {
	name: 'active',
	displayName: 'Planned',
	kind: 'boolean',
	description: 'Whether to return planned actions (true, 予定) or done actions (false, 完了)',
};

/** `pattern` list filter (アクションの種別) of customer and contact actions. */
export const patternFilter: FieldSpec = {
	name: 'pattern',
	displayName: 'Action Pattern Name or ID',
	kind: 'id',
	loadOptions: 'getActionPatterns',
	description: `アクションの種別. ${PICK_ONE}`,
};

/** `include_files` on the action detail endpoints (1 を指定すると添付ファイルの情報を含めて返します). */
export const includeFiles: FieldSpec = {
	name: 'include_files',
	displayName: 'Include Files',
	kind: 'boolean',
	description:
		'Whether to include the attached files (添付ファイル) in the response; sent as include_files=1',
	booleanAsNumber: true,
};

/** Action id path parameter (アクションID). */
export const actionId: FieldSpec = {
	name: 'id',
	parameter: 'actionId',
	displayName: 'Action ID',
	kind: 'id',
	required: true,
	description: 'アクションID',
};

/** Body fields of every action create/update, before the family-specific ones. */
export function actionBodyHead(required: boolean): FieldSpec[] {
	return [
		{
			name: 'startDatetime',
			displayName: 'Start',
			kind: 'dateTime',
			dateLayout: JST_WITH_OFFSET,
			required,
			description: '開始日時',
		},
		{
			name: 'endDatetime',
			displayName: 'End',
			kind: 'dateTime',
			dateLayout: JST_WITH_OFFSET,
			required,
			description: '終了日時',
		},
		{
			name: 'creator',
			displayName: 'Owner',
			kind: 'reference',
			locator: USERS,
			required,
			description: 'アクション担当者ID: the user responsible for the action (creator)',
		},
		{
			name: 'invitees',
			displayName: 'Other Assignee Names or IDs',
			kind: 'referenceList',
			loadOptions: 'getUsers',
			description: `他の担当者: further users on the action. ${PICK_ONE}`,
		},
		{
			name: 'preNote',
			displayName: 'Pre-Note',
			kind: 'string',
			description: 'アクションの事前メモ',
		},
		{ name: 'result', displayName: 'Result', kind: 'string', description: 'アクションの実施結果' },
		{
			name: 'active',
			displayName: 'Planned',
			kind: 'boolean',
			description:
				'Whether the action is still open: true = 未完了 (planned), false = 完了 (done) (アクションの状態)',
		},
	];
}

/** `pattern` body field of customer and contact actions (written as { "id": n }). */
export function patternBody(required: boolean): FieldSpec {
	return {
		name: 'pattern',
		displayName: 'Action Pattern Name or ID',
		kind: 'reference',
		loadOptions: 'getActionPatterns',
		required,
		description: `アクションの種別 (action pattern). ${PICK_ONE}`,
	};
}

/** `contacts` body field of customer and deal actions (アクションコンタクト). */
export const actionContacts: FieldSpec = {
	name: 'contacts',
	displayName: 'Contact IDs',
	kind: 'referenceList',
	description: 'アクションコンタクト: contacts linked to the action, written as [{ "id": n }, …]',
};

/** `actionCustoms` body field (アクション詳細項目一覧). */
export const actionCustoms: FieldSpec = {
	name: 'actionCustoms',
	displayName: 'Custom Fields',
	kind: customItems('action'),
	description: 'アクション詳細項目一覧',
};
