import { PICK_ONE } from './common';
import type { FieldSpec, MazricaEndpoint } from './schema';

const itemKey: FieldSpec = {
	name: 'item_key',
	displayName: 'Action Custom Field Name or ID',
	kind: 'id',
	loadOptions: 'getActionCustomItems',
	stringId: true,
	required: true,
	description: `項目キー: the key of the action custom field. ${PICK_ONE}`,
};

export const actionSettingEndpoints: MazricaEndpoint[] = [
	{
		resource: 'actionSetting',
		operation: 'get',
		name: 'Get',
		action: 'Get action settings',
		description: 'Get the action custom-field definitions (actionCustomItems)',
		title: 'アクション設定',
		method: 'GET',
		path: '/action_setting',
	},
	{
		resource: 'actionCustomField',
		operation: 'create',
		name: 'Create',
		action: 'Create an action custom field',
		description: 'Add a custom field (アクション詳細項目) to actions',
		title: 'アクション詳細項目登録',
		method: 'POST',
		path: '/action_custom_items',
		body: [
			{ name: 'name', displayName: 'Name', kind: 'string', required: true, description: '項目名' },
			{
				name: 'itemKey',
				displayName: 'Item Key',
				kind: 'string',
				description:
					'項目キー: any key to address the field through the API; generated (unique) when omitted',
			},
			{
				name: 'itemType',
				displayName: 'Item Type',
				kind: 'options',
				required: true,
				values: [
					{ name: 'Single Select (単一選択)', value: 'single_select' },
					{ name: 'Text (テキスト)', value: 'text' },
				],
				description: 'アクション詳細項目タイプ',
			},
			{
				name: 'actionCustomItemOptions',
				displayName: 'Options (JSON)',
				kind: 'json',
				description:
					'選択肢一覧: the choices when the item type is single_select, registered in the given order',
			},
			{
				name: 'before',
				displayName: 'Insert Before Field Name or ID',
				kind: 'id',
				loadOptions: 'getActionCustomItems',
				stringId: true,
				description: `Insert the new field before the field with this key (指定した項目キーの手前に追加); appended at the end when empty. ${PICK_ONE}`,
			},
		],
	},
	{
		resource: 'actionCustomField',
		operation: 'update',
		name: 'Update',
		action: 'Update an action custom field',
		description: 'Update an action custom field (アクション詳細項目); setting Delete removes it',
		title: 'アクション詳細項目更新',
		method: 'PATCH',
		path: '/action_custom_items/{item_key}',
		pathParams: [itemKey],
		body: [
			{ name: 'name', displayName: 'Name', kind: 'string', description: '項目名' },
			{
				name: 'newItemKey',
				displayName: 'New Item Key',
				kind: 'string',
				description: '新しい項目キー. Anything that relies on the old key may stop working',
			},
			{
				name: 'actionCustomItemOptions',
				displayName: 'Options (JSON)',
				kind: 'json',
				description: '選択肢一覧, registered in the given order',
			},
			{
				name: 'delete',
				displayName: 'Delete',
				kind: 'boolean',
				description:
					'Whether to delete the field (削除する場合は true); same effect as the Delete operation',
			},
		],
		notice:
			'Changing the item key breaks anything that still uses the old key. Setting Delete to true deletes the field.',
	},
	{
		resource: 'actionCustomField',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete an action custom field',
		description: 'Delete an action custom field (アクション詳細項目)',
		title: 'アクション詳細項目削除',
		method: 'DELETE',
		path: '/action_custom_items/{item_key}',
		pathParams: [itemKey],
	},
];
