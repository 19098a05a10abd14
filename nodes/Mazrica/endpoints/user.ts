import { PICK_ONE, USER_GROUPS, userField } from './common';
import type { FieldSpec, MazricaEndpoint } from './schema';

const userGroupId = (name: string): FieldSpec => ({
	name,
	parameter: 'userGroupId',
	displayName: 'User Group',
	kind: 'id',
	locator: USER_GROUPS,
	required: true,
	description: 'ユーザーグループID',
});

export const userEndpoints: MazricaEndpoint[] = [
	{
		resource: 'user',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many users',
		description: 'List the users of your team',
		title: 'ユーザー情報リスト取得',
		method: 'GET',
		path: '/users',
		paged: { listKey: 'users', pageSize: 100 },
	},
	{
		resource: 'userGroup',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many user groups',
		description: 'List user groups, optionally only those a user belongs to',
		title: 'ユーザーグループ情報リスト取得',
		method: 'GET',
		path: '/user_groups',
		query: [userField('userId', 'ユーザーID: only groups this user belongs to')],
		paged: { listKey: 'userGroups', pageSize: 100 },
	},
	{
		resource: 'userGroup',
		operation: 'update',
		name: 'Update',
		action: 'Update a user group',
		description: 'Rename a user group; an absent or empty name leaves the name unchanged',
		title: 'ユーザーグループ情報更新',
		method: 'PATCH',
		path: '/user_groups/{id}',
		pathParams: [userGroupId('id')],
		body: [
			{
				name: 'name',
				displayName: 'Name',
				kind: 'string',
				description: 'ユーザーグループ名. Absent or empty (空文字) leaves the name unchanged',
			},
		],
	},
	{
		resource: 'userGroup',
		operation: 'addUser',
		name: 'Add User',
		action: 'Add a user to a user group',
		description: 'Add one user to one user group (ユーザーグループメンバー追加)',
		title: 'ユーザーグループメンバー追加',
		method: 'POST',
		path: '/user_groups/{userGroupId}/users',
		pathParams: [userGroupId('userGroupId')],
		body: [
			userField(
				'userId',
				'指定したユーザーグループに追加するユーザのID. Without it nothing is added and Mazrica still answers 200 (the document lists userId as a required path parameter, but it is sent in the body)',
			),
		],
	},
	{
		resource: 'userGroup',
		operation: 'removeUser',
		name: 'Remove User',
		action: 'Remove a user from a user group',
		description:
			'Remove one user from one user group; the user itself is not deleted (ユーザー自体が削除されることはありません)',
		title: 'ユーザーグループメンバー除外',
		method: 'DELETE',
		path: '/user_groups/{userGroupId}/users/{userId}',
		pathParams: [userGroupId('userGroupId'), userField('userId', 'ユーザーID', true)],
	},
	{
		resource: 'userGroup',
		operation: 'setUsers',
		name: 'Set Users',
		action: 'Set the users of a user group',
		description:
			'Replace the members of a user group with the given users (ユーザーグループメンバー一括更新)',
		title: 'ユーザーグループメンバー一括更新',
		method: 'PATCH',
		path: '/user_groups/{userGroupId}/users/bulk',
		pathParams: [userGroupId('userGroupId')],
		body: [
			{
				name: 'userIds',
				displayName: 'User Names or IDs',
				kind: 'idList',
				loadOptions: 'getUsers',
				description: `ユーザーID(複数指定): the complete new member list. Absent leaves the members unchanged; an empty list removes every member. ${PICK_ONE}`,
			},
		],
		notice:
			'The given users replace all current members. Sending an empty user list (userIds: []) removes every member from the group.',
	},
	{
		resource: 'role',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many roles',
		description: 'List the roles of your team',
		title: 'ロール情報リスト取得',
		method: 'GET',
		path: '/roles',
		paged: { listKey: 'roles', pageSize: 100 },
	},
];
