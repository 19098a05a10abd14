import type { IDataObject } from 'n8n-workflow';

import type { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';

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

const lastWrite = (sim: CyzenSimulator) => sim.ledger.entries[sim.ledger.entries.length - 1];

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
	const written =
		(operation: string, path: string, ids: IDataObject) =>
		(_: IDataObject[], s: CyzenSimulator) => {
			expect(lastWrite(s)).toEqual(
				expect.objectContaining({ operation, path, ids: expect.objectContaining(ids) }),
			);
		};

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
		{
			resource: 'spot',
			operation: 'update',
			parameters: {
				spotId: byId(spot.spot_id),
				updateFields: { spotName: '改名', latitude: 34.5 },
			},
			request: {
				method: 'PUT',
				path: '/spots',
				body: { spot_id: spot.spot_id, spot_name: '改名', lat: '34.5' },
			},
			verify: (_, s) =>
				expect(s.store.spots.get(spot.spot_id)).toEqual(
					expect.objectContaining({ spot_name: '改名', latitude: 34.5 }),
				),
		},
		{
			resource: 'spot',
			operation: 'delete',
			parameters: { spotId: byId(spot.spot_id) },
			request: { method: 'DELETE', path: '/spots', query: { spot_id: spot.spot_id } },
			verify: (_, s) => expect(s.store.spots.has(spot.spot_id)).toBe(false),
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
			operation: 'create',
			parameters: { spotId: byId(spot.spot_id), spotTagId: freeTag.spot_tag_id },
			request: {
				method: 'POST',
				path: '/spot_tag_relations',
				body: { spot_id: spot.spot_id, spot_tag_id: freeTag.spot_tag_id },
			},
			verify: (_, s) =>
				expect(s.store.spotTagLinks).toContainEqual(
					expect.objectContaining({ spot_id: spot.spot_id, spot_tag_id: freeTag.spot_tag_id }),
				),
		},
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
		{
			resource: 'spotTagRelation',
			operation: 'delete',
			parameters: { spotId: byId(link.spot_id), spotTagId: link.spot_tag_id },
			request: {
				method: 'DELETE',
				path: '/spot_tag_relations',
				query: { spot_id: link.spot_id, spot_tag_id: link.spot_tag_id },
			},
			verify: (_, s) =>
				expect(s.store.spotTagLinks).not.toContainEqual(
					expect.objectContaining({ spot_id: link.spot_id, spot_tag_id: link.spot_tag_id }),
				),
		},
		list('spotStaff', '/spot_staffs', 'spot_staffs'),
		{
			resource: 'spotStaff',
			operation: 'create',
			parameters: { spotId: byId(spot.spot_id), userId: byId(freeStaff.user_id) },
			request: {
				method: 'POST',
				path: '/spot_staffs',
				body: { spot_id: spot.spot_id, user_id: freeStaff.user_id },
			},
			verify: written('create', '/spot_staffs', {
				spot_id: spot.spot_id,
				user_id: freeStaff.user_id,
			}),
		},
		{
			resource: 'spotStaff',
			operation: 'delete',
			parameters: { spotId: byId(staff.spot_id), userId: byId(staff.user_id) },
			request: {
				method: 'DELETE',
				path: '/spot_staffs',
				query: { spot_id: staff.spot_id, user_id: staff.user_id },
			},
			verify: (_, s) =>
				expect(s.store.spotStaffs).not.toContainEqual(
					expect.objectContaining({ spot_id: staff.spot_id, user_id: staff.user_id }),
				),
		},
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
		{
			resource: 'spotCustomerStaff',
			operation: 'delete',
			parameters: { spotCustomerStaffId: contact.spot_customer_staff_id },
			request: {
				method: 'DELETE',
				path: '/spot_customer_staffs',
				query: { spot_customer_staff_id: contact.spot_customer_staff_id },
			},
			verify: (_, s) =>
				expect(s.store.spotCustomerStaffs.has(contact.spot_customer_staff_id)).toBe(false),
		},
		list('spotPhoto', '/spot_photos', 'spot_photos'),
		{
			resource: 'spotPhoto',
			operation: 'delete',
			parameters: { spotPhotoId: photo.spot_photo_id },
			request: {
				method: 'DELETE',
				path: '/spot_photos',
				query: { spot_photo_id: photo.spot_photo_id },
			},
			verify: (_, s) => expect(s.store.spotPhotos.has(photo.spot_photo_id)).toBe(false),
		},
		list('spotPhotoTag', '/spot_photo_tags', 'spot_photo_tags'),
		{
			resource: 'spotPhotoTag',
			operation: 'delete',
			parameters: { spotPhotoTagId: photoTag.spot_photo_tag_id },
			request: {
				method: 'DELETE',
				path: '/spot_photo_tags',
				query: { spot_photo_tag_id: photoTag.spot_photo_tag_id },
			},
			verify: (_, s) => expect(s.store.spotPhotoTags.has(photoTag.spot_photo_tag_id)).toBe(false),
		},
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
			operation: 'update',
			parameters: { scheduleId: byId(schedule.schedule_id), updateFields: { title: '変更後' } },
			request: {
				method: 'PUT',
				path: '/schedules',
				body: { schedule_id: schedule.schedule_id, title: '変更後' },
			},
			verify: (_, s) => expect(s.store.schedules.get(schedule.schedule_id)?.title).toBe('変更後'),
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
		{
			resource: 'group',
			operation: 'update',
			parameters: { groupId: byId(group.group_id), updateFields: { groupName: '本社' } },
			request: {
				method: 'PUT',
				path: '/groups',
				body: { group_id: group.group_id, group_name: '本社' },
			},
			verify: (_, s) => expect(s.store.groups.get(group.group_id)?.group_name).toBe('本社'),
		},
		{
			resource: 'group',
			operation: 'delete',
			parameters: { groupId: byId(group.group_id) },
			request: { method: 'DELETE', path: '/groups', query: { group_id: group.group_id } },
			verify: (_, s) => expect(s.store.groups.has(group.group_id)).toBe(false),
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
		{
			resource: 'user',
			operation: 'update',
			parameters: { userId: byId(user.user_id), updateFields: { accountStatus: false } },
			request: {
				method: 'PUT',
				path: '/users',
				body: { user_id: user.user_id, account_status: '0' },
			},
			verify: (_, s) => expect(s.store.users.get(user.user_id)?.account_status).toBe(0),
		},
		{
			resource: 'user',
			operation: 'delete',
			parameters: { userId: byId(user.user_id) },
			request: { method: 'DELETE', path: '/users', query: { user_id: user.user_id } },
			verify: (_, s) => expect(s.store.users.has(user.user_id)).toBe(false),
		},
		list('userGroup', '/user_groups', 'user_groups'),
		{
			resource: 'userGroup',
			operation: 'create',
			parameters: { userId: byId(notInGroup.user_id), groupId: byId(group.group_id) },
			request: {
				method: 'POST',
				path: '/user_groups',
				body: { user_id: notInGroup.user_id, group_id: group.group_id },
			},
			verify: (_, s) =>
				expect(s.store.memberships).toContainEqual(
					expect.objectContaining({ user_id: notInGroup.user_id, group_id: group.group_id }),
				),
		},
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
		{
			resource: 'userGroup',
			operation: 'delete',
			parameters: { userId: byId(membership.user_id), groupId: byId(membership.group_id) },
			request: {
				method: 'DELETE',
				path: '/user_groups',
				query: { user_id: membership.user_id, group_id: membership.group_id },
			},
			verify: (_, s) =>
				expect(s.store.memberships).not.toContainEqual(
					expect.objectContaining({ user_id: membership.user_id, group_id: membership.group_id }),
				),
		},
		list('userTag', '/user_tags', 'user_tags'),
		list('status', '/statuses', 'statuses'),
		list('actionType', '/action_types', 'action_types'),
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
