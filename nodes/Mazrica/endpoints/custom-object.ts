import { customItems } from '../fields/custom-items';
import { CUSTOM_OBJECT_DEFINITIONS, PICK_ONE, sortField } from './common';
import type { FieldSpec, MazricaEndpoint } from './schema';

/** A custom object definition by its key (カスタムオブジェクト定義キー), in every operation. */
const definition = (name: string): FieldSpec => ({
	name,
	parameter: 'custom_object_def_key',
	displayName: 'Custom Object Definition',
	kind: 'id',
	locator: CUSTOM_OBJECT_DEFINITIONS,
	stringId: true,
	required: true,
	description: 'カスタムオブジェクト定義キー',
});

/** Definition key as the path parameter of the definition endpoints (`/custom_object_defs/{key}`). */
const definitionKey = definition('key');

/** Definition key as the parent path parameter of fields and records. */
const defKey = definition('custom_object_def_key');

const fieldKey: FieldSpec = {
	name: 'key',
	parameter: 'fieldKey',
	displayName: 'Custom Object Field Name or ID',
	kind: 'id',
	loadOptions: 'getCustomObjectFields',
	stringId: true,
	dependsOn: ['custom_object_def_key.value'],
	required: true,
	description: `項目キー: the key of the field within the definition. ${PICK_ONE}`,
};

const recordId: FieldSpec = {
	name: 'id',
	parameter: 'recordId',
	displayName: 'Custom Object Record ID',
	kind: 'id',
	required: true,
	description: 'カスタムオブジェクトID',
};

/** Record values keyed by the definition's field keys (カスタムオブジェクト項目); the field list is a proposal. */
const recordFields: FieldSpec = {
	name: 'fields',
	displayName: 'Fields',
	kind: customItems('customObject'),
	description:
		'カスタムオブジェクト項目: values keyed by the field keys (項目キー) of the definition, sent as top-level JSON properties: text and decimal_number as strings, date as ISO 8601 with offset, number as integer, single_select as an option key, multi_select as an array of option keys. Proposed: the document gives no field list, only this free-form object',
};

/** Date filters of the record list and the bulk delete. */
const recordDateFilters: FieldSpec[] = [
	{
		name: 'createdAtFrom',
		displayName: 'Created After',
		kind: 'dateTime',
		description: '作成日時による検索範囲(開始)',
	},
	{
		name: 'createdAtTo',
		displayName: 'Created Before',
		kind: 'dateTime',
		description: '作成日時による検索範囲指定(終了)',
	},
	{
		name: 'updatedAtFrom',
		displayName: 'Updated After',
		kind: 'dateTime',
		description: '更新日時による検索範囲(開始)',
	},
	{
		name: 'updatedAtTo',
		displayName: 'Updated Before',
		kind: 'dateTime',
		description: '更新日時による検索範囲指定(終了)',
	},
];

const enableBi: FieldSpec = {
	name: 'enable_bi',
	displayName: 'Enable BI',
	kind: 'boolean',
	description:
		'Whether to use the custom object as a BI data source (BIのデータソースとして使用するかどうか); true fails with 400 when BI is not available',
};

const itemDefs: FieldSpec = {
	name: 'customObjectItemDefs',
	displayName: 'Field Definitions (JSON)',
	kind: 'json',
	description: '項目定義一覧: array of field definitions (name, key, itemType, options)',
};

const optionDefs: FieldSpec = {
	name: 'customObjectOptionDefs',
	displayName: 'Options (JSON)',
	kind: 'json',
	description: '選択肢定義一覧: option definitions for single_select and multi_select fields',
};

const renameNotice = 'Changing the key breaks anything that still uses the old key.';

export const customObjectEndpoints: MazricaEndpoint[] = [
	// カスタムオブジェクト設定 (definitions)
	{
		resource: 'customObjectDefinition',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many custom object definitions',
		description: 'List custom object definitions',
		title: 'カスタムオブジェクト定義情報リスト',
		method: 'GET',
		path: '/custom_object_defs',
		query: [
			{
				name: 'searchWord',
				displayName: 'Search Word',
				kind: 'string',
				description: 'Partial match on the definition name (名前が部分一致)',
			},
		],
		paged: { listKey: 'customObjectDefs', pageSize: 100 },
		plan: 'customObjects',
	},
	{
		resource: 'customObjectDefinition',
		operation: 'create',
		name: 'Create',
		action: 'Create a custom object definition',
		description: 'Create a custom object definition',
		title: 'カスタムオブジェクト定義情報登録',
		method: 'POST',
		path: '/custom_object_defs',
		body: [
			{
				name: 'name',
				displayName: 'Name',
				kind: 'string',
				required: true,
				description: 'カスタムオブジェクト名',
			},
			enableBi,
			{
				name: 'key',
				displayName: 'Key',
				kind: 'string',
				required: true,
				description:
					'カスタムオブジェクト定義キー: the key used to address the definition in the API',
			},
			itemDefs,
		],
		plan: 'customObjects',
	},
	{
		resource: 'customObjectDefinition',
		operation: 'get',
		name: 'Get',
		action: 'Get a custom object definition',
		description: 'Get a custom object definition with its field definitions',
		title: 'カスタムオブジェクト定義情報',
		method: 'GET',
		path: '/custom_object_defs/{key}',
		pathParams: [definitionKey],
		plan: 'customObjects',
	},
	{
		resource: 'customObjectDefinition',
		operation: 'update',
		name: 'Update',
		action: 'Update a custom object definition',
		description: 'Update a custom object definition; fields left out are unchanged',
		title: 'カスタムオブジェクト定義情報更新',
		method: 'PATCH',
		path: '/custom_object_defs/{key}',
		pathParams: [definitionKey],
		body: [
			{ name: 'name', displayName: 'Name', kind: 'string', description: 'カスタムオブジェクト名' },
			enableBi,
			{
				name: 'newKey',
				displayName: 'New Key',
				kind: 'string',
				description: '新しい定義キー. Anything that relies on the old key may stop working',
			},
			itemDefs,
		],
		plan: 'customObjects',
		notice: renameNotice,
	},
	{
		resource: 'customObjectDefinition',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a custom object definition',
		description: 'Delete a custom object definition',
		title: 'カスタムオブジェクト定義情報削除',
		method: 'DELETE',
		path: '/custom_object_defs/{key}',
		pathParams: [definitionKey],
		plan: 'customObjects',
	},
	// カスタムオブジェクト項目 (fields of a definition)
	{
		resource: 'customObjectField',
		operation: 'create',
		name: 'Create',
		action: 'Create a custom object field',
		description: 'Add a field to a custom object definition',
		title: 'カスタムオブジェクト項目登録',
		method: 'POST',
		path: '/custom_object_defs/{custom_object_def_key}/custom_object_item_defs',
		pathParams: [defKey],
		body: [
			{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: '項目名' },
			{
				name: 'key',
				displayName: 'Key',
				kind: 'string',
				required: true,
				description: '項目キー: the key used to address the field in the API',
			},
			{
				name: 'itemType',
				displayName: 'Item Type',
				kind: 'options',
				required: true,
				values: [
					{ name: 'Date (日付)', value: 'date' },
					{ name: 'Decimal Number (小数)', value: 'decimal_number' },
					{ name: 'Multi Select (複数選択)', value: 'multi_select' },
					{ name: 'Number (整数)', value: 'number' },
					{ name: 'Single Select (単一選択)', value: 'single_select' },
					{ name: 'Text (文字列)', value: 'text' },
				],
				description: '項目タイプ',
			},
			optionDefs,
			{
				name: 'before',
				displayName: 'Insert Before Field Name or ID',
				kind: 'id',
				loadOptions: 'getCustomObjectFields',
				stringId: true,
				dependsOn: ['custom_object_def_key.value'],
				description: `Insert the new field before the field with this key (指定した項目キーの手前に追加); appended at the end when empty. ${PICK_ONE}`,
			},
		],
		plan: 'customObjects',
	},
	{
		resource: 'customObjectField',
		operation: 'update',
		name: 'Update',
		action: 'Update a custom object field',
		description: 'Update a field of a custom object definition; setting Delete removes it',
		title: 'カスタムオブジェクト項目更新',
		method: 'PATCH',
		path: '/custom_object_defs/{custom_object_def_key}/custom_object_item_defs/{key}',
		pathParams: [defKey, fieldKey],
		body: [
			{ name: 'name', displayName: 'Name', kind: 'string', description: '項目名' },
			{
				name: 'newKey',
				displayName: 'New Key',
				kind: 'string',
				description: '新しい項目キー. Anything that relies on the old key may stop working',
			},
			optionDefs,
			{
				name: 'delete',
				displayName: 'Delete',
				kind: 'boolean',
				description:
					'Whether to delete the field (削除する場合は true); same effect as the Delete operation',
			},
		],
		plan: 'customObjects',
		notice: `${renameNotice} Setting Delete to true deletes the field.`,
	},
	{
		resource: 'customObjectField',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a custom object field',
		description: 'Delete a field of a custom object definition',
		title: 'カスタムオブジェクト項目削除',
		method: 'DELETE',
		path: '/custom_object_defs/{custom_object_def_key}/custom_object_item_defs/{key}',
		pathParams: [defKey, fieldKey],
		plan: 'customObjects',
	},
	// カスタムオブジェクト (records)
	{
		resource: 'customObjectRecord',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many custom object records',
		description: 'List the records of a custom object',
		title: 'カスタムオブジェクト情報リスト',
		method: 'GET',
		path: '/custom_object_defs/{custom_object_def_key}/custom_objects',
		pathParams: [defKey],
		query: [
			...recordDateFilters,
			sortField(
				[['startDatetime', 'Start Time', 'Latest First', 'Earliest First']],
				'並び順: the document lists startDatetime as the sortable key, probably copied from the action lists',
			),
		],
		paged: { listKey: 'customObjects', pageSize: 100 },
		plan: 'customObjects',
	},
	{
		resource: 'customObjectRecord',
		operation: 'create',
		name: 'Create',
		action: 'Create a custom object record',
		description: 'Create a record of a custom object',
		title: 'カスタムオブジェクト情報登録',
		method: 'POST',
		path: '/custom_object_defs/{custom_object_def_key}/custom_objects',
		pathParams: [defKey],
		body: [recordFields],
		plan: 'customObjects',
	},
	{
		resource: 'customObjectRecord',
		operation: 'get',
		name: 'Get',
		action: 'Get a custom object record',
		description: 'Get one record of a custom object',
		title: 'カスタムオブジェクト情報',
		method: 'GET',
		path: '/custom_object_defs/{custom_object_def_key}/custom_objects/{id}',
		pathParams: [defKey, recordId],
		plan: 'customObjects',
	},
	{
		resource: 'customObjectRecord',
		operation: 'update',
		name: 'Update',
		action: 'Update a custom object record',
		description: 'Update a record of a custom object; fields left out are unchanged',
		title: 'カスタムオブジェクト情報更新',
		method: 'PATCH',
		path: '/custom_object_defs/{custom_object_def_key}/custom_objects/{id}',
		pathParams: [defKey, recordId],
		body: [recordFields],
		plan: 'customObjects',
	},
	{
		resource: 'customObjectRecord',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a custom object record',
		description: 'Delete one record of a custom object',
		title: 'カスタムオブジェクト情報削除',
		method: 'DELETE',
		path: '/custom_object_defs/{custom_object_def_key}/custom_objects/{id}',
		pathParams: [defKey, recordId],
		plan: 'customObjects',
	},
	{
		resource: 'customObjectRecord',
		operation: 'createMany',
		name: 'Create (Bulk)',
		action: 'Create custom object records in bulk',
		description:
			'Create up to 1,000 records of a custom object in one all-or-nothing request; no audit log is written',
		title: 'カスタムオブジェクト情報一括登録',
		method: 'POST',
		path: '/custom_object_defs/{custom_object_def_key}/custom_objects/bulk',
		pathParams: [defKey],
		bulkOf: { operation: 'create', listKey: 'customObjects', maxItems: 1000 },
		plan: 'customObjects',
	},
	{
		resource: 'customObjectRecord',
		operation: 'deleteMany',
		name: 'Delete (Bulk)',
		action: 'Delete custom object records in bulk',
		description:
			'Delete every record of a custom object created or updated within the given date ranges; no audit log is written',
		title: 'カスタムオブジェクト情報一括削除',
		method: 'DELETE',
		path: '/custom_object_defs/{custom_object_def_key}/custom_objects/bulk',
		pathParams: [defKey],
		query: recordDateFilters,
		plan: 'customObjects',
		notice:
			'Deletes every record of the custom object that matches the date filters, with no limit on the count. At least one filter is required.',
		queryCollection: 'filters',
		requiresFilter: true,
	},
];
