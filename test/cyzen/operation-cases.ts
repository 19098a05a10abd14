import type { IDataObject } from 'n8n-workflow';

import type { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import type { CyzenStore } from '../simulators/cyzen/store';

/** One operation as a user sets it up, what cyzen must receive, and the effect to check. */
export interface OperationCase {
	resource: string;
	operation: string;
	parameters: IDataObject;
	/** The request the simulator must see (path below the base path). */
	request: { method: string; path: string; query?: IDataObject; body?: IDataObject };
	verify(records: IDataObject[], sim: CyzenSimulator): void;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const first = <T>(values: Iterable<T>): T => {
	for (const value of values) return value;
	throw new Error('the seed has none');
};

/** The store's collections kept by id (Maps) and its link lists (arrays of id pairs). */
type KeyedCollection = {
	[K in keyof CyzenStore]: CyzenStore[K] extends Map<string, object> ? K : never;
}[keyof CyzenStore];
type LinkCollection = 'spotTagLinks' | 'spotStaffs' | 'memberships';

interface KeyedUpdate {
	resource: string;
	/** cyzen's id field; the node's parameter is its camelCase name, picked by ID. */
	key: string;
	id: string;
	path: string;
	collection: KeyedCollection;
	fields: IDataObject;
	sent: IDataObject;
	stored: IDataObject;
}

interface KeyedDelete {
	resource: string;
	key: string;
	id: string;
	path: string;
	collection: KeyedCollection;
	/** Whether the node's parameter is a resource locator (else a plain ID field). */
	locator?: boolean;
}

interface Link {
	resource: string;
	path: string;
	collection: LinkCollection;
	/** The ids the node takes through a resource locator; the others are plain fields. */
	locators: string[];
	create: Record<string, string>;
	remove: Record<string, string>;
}

/** `spot_customer_staff_id` → `spotCustomerStaffId`: the node's parameter for cyzen's field. */
const parameterOf = (key: string) => key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

function keyedUpdate(u: KeyedUpdate): OperationCase {
	return {
		resource: u.resource,
		operation: 'update',
		parameters: { [parameterOf(u.key)]: byId(u.id), updateFields: u.fields },
		request: { method: 'PUT', path: u.path, body: { [u.key]: u.id, ...u.sent } },
		verify: (_, s) =>
			expect(s.store[u.collection].get(u.id)).toEqual(expect.objectContaining(u.stored)),
	};
}

function keyedDelete(d: KeyedDelete): OperationCase {
	return {
		resource: d.resource,
		operation: 'delete',
		parameters: { [parameterOf(d.key)]: d.locator ? byId(d.id) : d.id },
		request: { method: 'DELETE', path: d.path, query: { [d.key]: d.id } },
		verify: (_, s) => expect(s.store[d.collection].has(d.id)).toBe(false),
	};
}

function linkCases(l: Link): OperationCase[] {
	const parameters = (ids: Record<string, string>) =>
		Object.fromEntries(
			Object.entries(ids).map(([key, id]) => [
				parameterOf(key),
				l.locators.includes(key) ? byId(id) : id,
			]),
		);
	const held = (s: CyzenSimulator, ids: Record<string, string>) =>
		(s.store[l.collection] as object[]).filter((r) =>
			expect.objectContaining(ids).asymmetricMatch(r),
		);
	return [
		{
			resource: l.resource,
			operation: 'create',
			parameters: parameters(l.create),
			request: { method: 'POST', path: l.path, body: l.create },
			verify: (_, s) => expect(held(s, l.create)).toHaveLength(1),
		},
		{
			resource: l.resource,
			operation: 'delete',
			parameters: parameters(l.remove),
			request: { method: 'DELETE', path: l.path, query: l.remove },
			verify: (_, s) => expect(held(s, l.remove)).toHaveLength(0),
		},
	];
}

/** Every operation of the node, built from the seeded tenant of `sim` (call after each reset). */
export function operationCases(sim: CyzenSimulator): OperationCase[] {
	const { store } = sim;
	const spot = first(store.spots.values());
	const user = first(store.users.values());
	const group = first(store.groups.values());
	const link = store.spotTagLinks[0];
	const staff = store.spotStaffs[0];
	const contact = first(store.spotCustomerStaffs.values());
	const photo = first(store.spotPhotos.values());
	const photoTag = first(store.spotPhotoTags.values());
	const classification = first(store.spotClassifications.values());
	const membership = { ...store.memberships[0] };
	const schedule = [...store.schedules.values()].find(
		(s) => s.deleted_at === null && s.members.length > 0,
	);
	if (!schedule) throw new Error('no live schedule with members in the seed');
	const notMember = [...store.users.values()].find((u) => !schedule.members.includes(u.user_id));
	const notInGroup = [...store.users.values()].find(
		(u) => !store.memberships.some((m) => m.user_id === u.user_id && m.group_id === group.group_id),
	);
	const freeTag = [...store.spotTags.values()].find(
		(t) =>
			!store.spotTagLinks.some(
				(l) => l.spot_id === spot.spot_id && l.spot_tag_id === t.spot_tag_id,
			),
	);
	const freeStaff = [...store.users.values()].find(
		(u) => !store.spotStaffs.some((s) => s.spot_id === spot.spot_id && s.user_id === u.user_id),
	);
	const otherTag = [...store.spotTags.values()].find((t) => t.spot_tag_id !== freeTag?.spot_tag_id);
	if (!notMember || !notInGroup || !freeTag || !freeStaff || !otherTag)
		throw new Error('seed too small');

	const list = (
		resource: string,
		path: string,
		listKey: string,
		extra: IDataObject = {},
		check?: (records: IDataObject[], sim: CyzenSimulator) => void,
	): OperationCase => ({
		resource,
		operation: 'getAll',
		parameters: { returnAll: true, ...extra },
		request: { method: 'GET', path },
		verify: (records, s) => {
			expect(records.length).toBeGreaterThan(0);
			expect(records[0]).toEqual(expect.any(Object));
			expect(listKey).toBeTruthy();
			check?.(records, s);
		},
	});

	/** Updates of one record by id: the fields set, what cyzen must receive, what it then holds. */
	const updated: KeyedUpdate[] = [
		{
			resource: 'spot',
			key: 'spot_id',
			id: spot.spot_id,
			collection: 'spots',
			path: '/spots',
			fields: { spotName: '改名', latitude: 34.5 },
			sent: { spot_name: '改名', lat: '34.5' },
			stored: { spot_name: '改名', latitude: 34.5 },
		},
		{
			resource: 'schedule',
			key: 'schedule_id',
			id: schedule.schedule_id,
			collection: 'schedules',
			path: '/schedules',
			fields: { title: '変更後' },
			sent: { title: '変更後' },
			stored: { title: '変更後' },
		},
		{
			resource: 'group',
			key: 'group_id',
			id: group.group_id,
			collection: 'groups',
			path: '/groups',
			fields: { groupName: '本社' },
			sent: { group_name: '本社' },
			stored: { group_name: '本社' },
		},
		{
			resource: 'user',
			key: 'user_id',
			id: user.user_id,
			collection: 'users',
			path: '/users',
			fields: { accountStatus: false },
			sent: { account_status: '0' },
			stored: { account_status: 0 },
		},
	];
	/** Deletes of one record by id (picked from a list when `locator`); the record must be gone. */
	const deleted: KeyedDelete[] = [
		{
			resource: 'spot',
			key: 'spot_id',
			id: spot.spot_id,
			collection: 'spots',
			path: '/spots',
			locator: true,
		},
		{
			resource: 'spotCustomerStaff',
			key: 'spot_customer_staff_id',
			id: contact.spot_customer_staff_id,
			collection: 'spotCustomerStaffs',
			path: '/spot_customer_staffs',
		},
		{
			resource: 'spotPhoto',
			key: 'spot_photo_id',
			id: photo.spot_photo_id,
			collection: 'spotPhotos',
			path: '/spot_photos',
		},
		{
			resource: 'spotPhotoTag',
			key: 'spot_photo_tag_id',
			id: photoTag.spot_photo_tag_id,
			collection: 'spotPhotoTags',
			path: '/spot_photo_tags',
		},
		{
			resource: 'group',
			key: 'group_id',
			id: group.group_id,
			collection: 'groups',
			path: '/groups',
			locator: true,
		},
		{
			resource: 'user',
			key: 'user_id',
			id: user.user_id,
			collection: 'users',
			path: '/users',
			locator: true,
		},
	];
	/** Links between two records: created with both ids in the body, deleted with both in the query. */
	const linked: Link[] = [
		{
			resource: 'spotTagRelation',
			collection: 'spotTagLinks',
			path: '/spot_tag_relations',
			locators: ['spot_id'],
			create: { spot_id: spot.spot_id, spot_tag_id: freeTag.spot_tag_id },
			remove: { spot_id: link.spot_id, spot_tag_id: link.spot_tag_id },
		},
		{
			resource: 'spotStaff',
			collection: 'spotStaffs',
			path: '/spot_staffs',
			locators: ['spot_id', 'user_id'],
			create: { spot_id: spot.spot_id, user_id: freeStaff.user_id },
			remove: { spot_id: staff.spot_id, user_id: staff.user_id },
		},
		{
			resource: 'userGroup',
			collection: 'memberships',
			path: '/user_groups',
			locators: ['user_id', 'group_id'],
			create: { user_id: notInGroup.user_id, group_id: group.group_id },
			remove: { user_id: membership.user_id, group_id: membership.group_id },
		},
	];

	return [
		// ---- spots ---------------------------------------------------------------------------------
		list('spot', '/spots', 'spots', {}, (records) =>
			expect(records).toHaveLength(store.spots.size),
		),
		{
			resource: 'spot',
			operation: 'get',
			parameters: { spotId: byId(spot.spot_id) },
			request: { method: 'GET', path: '/spots', query: { spot_id: spot.spot_id } },
			verify: (records) => expect(records.map((r) => r.spot_id)).toEqual([spot.spot_id]),
		},
		{
			resource: 'spot',
			operation: 'create',
			parameters: {
				spotCode: 'N8N-001',
				spotName: 'n8n 営業所',
				additionalFields: {
					spotNameKana: 'エヌハチエヌ',
					latitude: 35.68,
					longitude: 139.76,
					extendData: '{"担当":"山田"}',
					zipCode: '0123456',
				},
			},
			request: {
				method: 'POST',
				path: '/spots',
				body: { kana_name: 'エヌハチエヌ', lat: '35.68', lon: '139.76', zip_code: '0123456' },
			},
			verify: (records, s) => {
				const created = s.store.spots.get(String(records[0].spot_id));
				expect(created).toEqual(
					expect.objectContaining({
						spot_code: 'N8N-001',
						spot_name_kana: 'エヌハチエヌ',
						latitude: 35.68,
					}),
				);
			},
		},
		// ---- around spots --------------------------------------------------------------------------
		list('spotTag', '/spot_tags', 'spot_tags'),
		list(
			'spotTagRelation',
			'/spot_tag_relations',
			'spot_tag_relations',
			{ filters: { spotId: byId(link.spot_id) } },
			(records) => expect(records.every((r) => r.spot_id === link.spot_id)).toBe(true),
		),
		{
			resource: 'spotTagRelation',
			operation: 'update',
			parameters: {
				spotId: byId(spot.spot_id),
				spotTagIds: `${otherTag.spot_tag_id},${freeTag.spot_tag_id}`,
			},
			request: {
				method: 'PUT',
				path: '/spot_tag_relations',
				body: { spot_tag_id: [otherTag.spot_tag_id, freeTag.spot_tag_id].join(',') },
			},
			verify: (_, s) =>
				expect(
					s.store.spotTagLinks
						.filter((l) => l.spot_id === spot.spot_id)
						.map((l) => l.spot_tag_id)
						.sort(),
				).toEqual([otherTag.spot_tag_id, freeTag.spot_tag_id].sort()),
		},
		list('spotStaff', '/spot_staffs', 'spot_staffs'),
		list('spotCustomerStaff', '/spot_customer_staffs', 'spot_customer_staffs'),
		{
			resource: 'spotCustomerStaff',
			operation: 'create',
			parameters: {
				spotId: byId(spot.spot_id),
				staffName: '佐藤 花子',
				additionalFields: { email: 'hanako@example.jp' },
			},
			request: {
				method: 'POST',
				path: '/spot_customer_staffs',
				body: { staff_name: '佐藤 花子', email: 'hanako@example.jp' },
			},
			verify: (records, s) =>
				expect(
					s.store.spotCustomerStaffs.get(String(records[0].spot_customer_staff_id))?.staff_name,
				).toBe('佐藤 花子'),
		},
		{
			resource: 'spotCustomerStaff',
			operation: 'update',
			parameters: {
				spotCustomerStaffId: contact.spot_customer_staff_id,
				updateFields: { department: '総務部' },
			},
			request: { method: 'PUT', path: '/spot_customer_staffs', body: { department: '総務部' } },
			verify: (_, s) =>
				expect(s.store.spotCustomerStaffs.get(contact.spot_customer_staff_id)?.department).toBe(
					'総務部',
				),
		},
		list('spotPhoto', '/spot_photos', 'spot_photos'),
		list('spotPhotoTag', '/spot_photo_tags', 'spot_photo_tags'),
		list('spotPhotoMetadata', '/spot_photo_metadata', 'spot_photo_metadata'),
		{
			resource: 'spotPhotoMetadata',
			operation: 'update',
			parameters: { spotPhotoId: photo.spot_photo_id, metadata: '{"撮影者":"田中"}' },
			request: {
				method: 'PUT',
				path: '/spot_photo_metadata',
				body: { metadata: '{"撮影者":"田中"}' },
			},
			verify: (_, s) =>
				expect(s.store.spotPhotoMetadata.get(photo.spot_photo_id)?.metadata).toEqual({
					撮影者: '田中',
				}),
		},
		list('spotClassification', '/spot_classifications', 'spot_classifications'),
		{
			resource: 'spotClassification',
			operation: 'update',
			parameters: { spotClassificationId: classification.spot_classification_id, values: 'A' },
			request: { method: 'PUT', path: '/spot_classifications', body: { values: 'A' } },
			verify: (_, s) =>
				expect(
					s.store.spotClassifications.get(classification.spot_classification_id)?.values,
				).toEqual(['A']),
		},
		list(
			'spotClassificationDefinition',
			'/spot_classification_definitions',
			'spot_classification_definitions',
		),
		// ---- reports -------------------------------------------------------------------------------
		list('report', '/reports', 'reports', {}, (records) => {
			expect(records.every((r) => typeof r.report_id === 'string')).toBe(true);
			expect(String(records[0].updated_at)).toMatch(/Z$/);
		}),
		list('reportDefinition', '/report_definitions', 'report_definitions', {}, (records) =>
			expect(records).toHaveLength(store.reportDefinitions.size),
		),
		list('image', '/images', 'images'),
		// ---- schedules -----------------------------------------------------------------------------
		list('schedule', '/schedules', 'schedules'),
		{
			resource: 'schedule',
			operation: 'create',
			parameters: {
				startDate: '2026-12-02T10:00:00+09:00',
				endDate: '2026-12-02T11:00:00+09:00',
				title: '定期点検',
				additionalFields: {
					groupId: byId(group.group_id),
					spotId: byId(spot.spot_id),
					memberUserIds: user.user_id,
				},
			},
			request: {
				method: 'POST',
				path: '/schedules',
				body: {
					start_date: '2026-12-02T01:00:00',
					end_date: '2026-12-02T02:00:00',
					members: user.user_id,
				},
			},
			verify: (records, s) =>
				expect(s.store.schedules.get(String(records[0].schedule_id))?.members).toEqual([
					user.user_id,
				]),
		},
		{
			resource: 'schedule',
			operation: 'delete',
			parameters: { scheduleId: byId(schedule.schedule_id) },
			request: {
				method: 'DELETE',
				path: '/schedules',
				query: { schedule_id: schedule.schedule_id },
			},
			verify: (_, s) =>
				expect(s.store.schedules.get(schedule.schedule_id)?.deleted_at).not.toBeNull(),
		},
		list('scheduleMember', '/schedule_members', 'schedule_members'),
		{
			resource: 'scheduleMember',
			operation: 'create',
			parameters: { scheduleId: byId(schedule.schedule_id), userId: byId(notMember.user_id) },
			request: {
				method: 'POST',
				path: '/schedule_members',
				body: { schedule_id: schedule.schedule_id, user_id: notMember.user_id },
			},
			verify: (_, s) =>
				expect(s.store.schedules.get(schedule.schedule_id)?.members).toContain(notMember.user_id),
		},
		{
			resource: 'scheduleMember',
			operation: 'update',
			parameters: { scheduleId: byId(schedule.schedule_id), memberUserIds: notMember.user_id },
			request: { method: 'PUT', path: '/schedule_members', body: { user_id: notMember.user_id } },
			verify: (_, s) =>
				expect(s.store.schedules.get(schedule.schedule_id)?.members).toEqual([notMember.user_id]),
		},
		{
			resource: 'scheduleMember',
			operation: 'delete',
			parameters: { scheduleId: byId(schedule.schedule_id), userId: byId(schedule.members[0]) },
			request: {
				method: 'DELETE',
				path: '/schedule_members',
				query: { user_id: schedule.members[0] },
			},
			verify: (_, s) =>
				expect(s.store.schedules.get(schedule.schedule_id)?.members).not.toContain(
					schedule.members[0],
				),
		},
		// ---- activity ------------------------------------------------------------------------------
		list('history', '/histories', 'histories', {}, (records) => {
			expect(records[0].created_at).toEqual(records[0].create_at);
			expect(String(records[0].create_at)).toMatch(/Z$/);
		}),
		list('tracking', '/trackings', 'trackings', {}, (records) =>
			expect(records[0].created_at).toBeDefined(),
		),
		list('memberStatus', '/members_statuses', 'members_statuses'),
		list('transportationExpense', '/transportation_expenses', 'transportation_expenses'),
		// ---- organisation --------------------------------------------------------------------------
		list('group', '/groups', 'groups', {}, (records) =>
			expect(records).toHaveLength(store.groups.size),
		),
		{
			resource: 'group',
			operation: 'create',
			parameters: { groupCode: 'G-N8N', groupName: 'n8n 支店' },
			request: {
				method: 'POST',
				path: '/groups',
				body: { group_code: 'G-N8N', group_name: 'n8n 支店' },
			},
			verify: (records, s) =>
				expect(s.store.groups.get(String(records[0].group_id))?.group_name).toBe('n8n 支店'),
		},
		list('user', '/users', 'users', {}, (records) => {
			expect(records).toHaveLength(store.users.size);
			expect(records[0].user_tags).toBeDefined();
		}),
		{
			resource: 'user',
			operation: 'create',
			parameters: {
				userLoginId: 'n8n-user',
				userName: '自動 太郎',
				additionalFields: { groupId: byId(group.group_id), accountStatus: true },
			},
			request: {
				method: 'POST',
				path: '/users',
				body: { user_login_id: 'n8n-user', account_status: '1', group_id: group.group_id },
			},
			verify: (records, s) =>
				expect(s.store.users.get(String(records[0].user_id))?.user_name).toBe('自動 太郎'),
		},
		list('userGroup', '/user_groups', 'user_groups'),
		{
			resource: 'userGroup',
			operation: 'update',
			parameters: {
				userId: byId(membership.user_id),
				groupId: byId(membership.group_id),
				isGroupOwner: membership.is_group_owner !== 1,
			},
			request: {
				method: 'PUT',
				path: '/user_groups',
				body: { is_group_owner: membership.is_group_owner === 1 ? '0' : '1' },
			},
			verify: (_, s) =>
				expect(
					s.store.memberships.find(
						(m) => m.user_id === membership.user_id && m.group_id === membership.group_id,
					)?.is_group_owner,
				).toBe(membership.is_group_owner === 1 ? 0 : 1),
		},
		list('userTag', '/user_tags', 'user_tags'),
		list('status', '/statuses', 'statuses'),
		list('actionType', '/action_types', 'action_types'),
		...updated.map(keyedUpdate),
		...deleted.map(keyedDelete),
		...linked.flatMap(linkCases),
		// ---- custom ------------------------------------------------------------------------------
		{
			resource: 'customApiCall',
			operation: 'call',
			parameters: {
				method: 'GET',
				path: '/groups',
				query: { field: [{ name: 'group_id', value: group.group_id }] },
			},
			request: { method: 'GET', path: '/groups', query: { group_id: group.group_id } },
			verify: (records) =>
				expect((records[0].groups as IDataObject[]).map((g) => g.group_id)).toEqual([
					group.group_id,
				]),
		},
	];
}
