import {
	DEAL_TYPES,
	PICK_ONE,
	actionBodyHead,
	actionContacts,
	actionCustoms,
	actionId,
	actionListFilters,
	activeFilter,
	DEALS,
	includeFiles,
} from './common';
import type { FieldSpec, MazricaEndpoint } from './schema';

/**
 * Deal-action body (案件アクション登録/更新). Unlike every other PATCH, the vendor document marks
 * startDatetime, endDatetime, creator, purpose and deal required on update too (quirk Q8), so both
 * create and update use `required: true`.
 */
const body: FieldSpec[] = [
	...actionBodyHead(true),
	{
		name: 'purpose',
		displayName: 'Purpose Name or ID',
		kind: 'reference',
		loadOptions: 'getActionPurposes',
		required: true,
		description: `アクションの目的: the action pattern (種別) is set automatically from it; purposes are listed in the deal type settings. ${PICK_ONE}`,
	},
	{
		name: 'deal',
		displayName: 'Deal',
		kind: 'reference',
		locator: DEALS,
		required: true,
		description: '案件ID: the deal the action belongs to, written as { "id": n }',
	},
	actionContacts,
	actionCustoms,
];

export const dealActionEndpoints: MazricaEndpoint[] = [
	{
		resource: 'dealAction',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many deal actions',
		description: 'List deal actions, optionally of one deal',
		title: '案件アクション情報リスト',
		method: 'GET',
		path: '/actions',
		query: [
			...actionListFilters,
			{
				name: 'purpose',
				displayName: 'Purpose Name or ID',
				kind: 'id',
				loadOptions: 'getActionPurposes',
				description: `アクションの目的. ${PICK_ONE}`,
			},
			activeFilter,
			{
				name: 'dealId',
				displayName: 'Deal',
				kind: 'id',
				locator: DEALS,
				description: '案件IDを指定して検索します: only actions of this deal',
			},
		],
		paged: { listKey: 'actions', pageSize: 100 },
	},
	{
		resource: 'dealAction',
		operation: 'create',
		name: 'Create',
		action: 'Create a deal action',
		description: 'Create an action (activity) on a deal',
		title: '案件アクション登録',
		method: 'POST',
		path: '/actions',
		body,
	},
	{
		resource: 'dealAction',
		operation: 'get',
		name: 'Get',
		action: 'Get a deal action',
		description: 'Get one deal action by ID',
		title: '案件アクション情報',
		method: 'GET',
		path: '/actions/{id}',
		pathParams: [actionId],
		query: [includeFiles],
	},
	{
		resource: 'dealAction',
		operation: 'update',
		name: 'Update',
		action: 'Update a deal action',
		description:
			'Update a deal action. Mazrica requires start, end, owner, purpose and deal on every update (quirk Q8)',
		title: '案件アクション情報更新',
		method: 'PATCH',
		path: '/actions/{id}',
		pathParams: [actionId],
		body,
	},
	{
		resource: 'dealAction',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a deal action',
		description: 'Delete a deal action',
		title: '案件アクション情報削除',
		method: 'DELETE',
		path: '/actions/{id}',
		pathParams: [actionId],
	},
	{
		resource: 'dealAction',
		operation: 'createMany',
		name: 'Create (Bulk)',
		action: 'Create deal actions in bulk',
		description:
			'Create up to 1,000 actions of deals of one deal type in one all-or-nothing request; no audit log is written',
		title: '案件アクション一括登録',
		method: 'POST',
		path: '/actions/bulk',
		body: [
			{
				name: 'dealTypeId',
				displayName: 'Deal Type',
				kind: 'id',
				locator: DEAL_TYPES,
				description:
					'案件タイプID: only actions of deals of this one deal type can be created in one request (案件タイプを跨った一括登録には対応しておりません)',
			},
		],
		bulkOf: { operation: 'create', listKey: 'actions', maxItems: 1000 },
	},
];
