import { ERR, fail, invalidParameter } from '../errors';
import { listBody, paginate, type Cursor } from '../paging';
import type { Params } from '../params';
import { parseUtc } from '../time';
import type { ScheduleRec } from '../types';
import { inWindow, windowOf, type Window, type WindowRule } from '../windows';
import { assignSent, reference, requiredText, text } from './common';
import type { RouteContext } from './context';

/**
 * `GET /schedules`: `from_date`/`to_date` ≤ 7 days, else 40000 ([public code] PC1, PC3). The
 * default without dates is not published; [proposed] the 7 days from 00:00:00 UTC today.
 */
export const SCHEDULE_WINDOW: WindowRule = {
	from: 'from_date',
	to: 'to_date',
	maxDays: 7,
	whenOmitted: 'next',
};

const scheduleCursor: Cursor<ScheduleRec> = {
	keys: [{ param: 'next_start_date', value: (s) => s.start_date, time: true }],
	tieBreak: (s) => s.schedule_id,
};

interface MemberRow {
	schedule_id: string;
	user_id: string;
}

const memberCursor: Cursor<MemberRow> = {
	keys: [
		{ param: 'next_schedule_id', value: (m) => m.schedule_id },
		{ param: 'next_user_id', value: (m) => m.user_id },
	],
};

/** "Some /schedules date ranges return HTTP 500" ([public code] PC3): the switch's bad days. */
function touchesBadDay(window: Window, badDays: string[]): boolean {
	const first = window.from.slice(0, 10);
	const last = window.to.slice(0, 10);
	return badDays.some((day) => day >= first && day <= last);
}

/** 予定情報 (§9.13, §9.14; `PUT`/`DELETE` PROPOSED) and 予定のメンバー (`/schedule_members`). */
export function scheduleRoutes(ctx: RouteContext): void {
	const { store } = ctx;

	const members = (params: Params, name: string): string[] | undefined => {
		const ids = params.list(name);
		if (ids?.some((id) => !store.users.has(id))) invalidParameter(name);
		return ids && [...new Set(ids)];
	};

	/** A live schedule named by `schedule_id`; deleted ones are gone for writes [proposed]. */
	const liveSchedule = (params: Params): ScheduleRec => {
		const schedule = store.schedules.get(params.required('schedule_id'));
		if (!schedule || schedule.deleted_at !== null) invalidParameter('schedule_id');
		return schedule;
	};

	/** The write fields of POST/PUT (PC1 sends group_id, spot_id, members, dates, title, detail). */
	const changes = (params: Params) => {
		const group = reference(store.groups, params, 'group_id');
		if (group === null) invalidParameter('group_id');
		const spot = reference(store.spots, params, 'spot_id');
		const start = params.time('start_date');
		const end = params.time('end_date');
		if (start === null) invalidParameter('start_date');
		if (end === null) invalidParameter('end_date');
		return {
			group_id: group?.group_id,
			spotId: spot === undefined ? undefined : (spot?.spot_id ?? null),
			members: members(params, 'members'),
			start_date: start,
			end_date: end,
			title: params.has('title') ? requiredText(params, 'title', 100) : undefined,
			// PC1 truncates to 500 characters; [proposed] the limit, longer is a 400.
			detail: text(params, 'detail', 500),
			all_day: params.flag('all_day'),
		};
	};

	const checkDates = (schedule: Pick<ScheduleRec, 'start_date' | 'end_date'>) => {
		if ((parseUtc(schedule.end_date) ?? 0) < (parseUtc(schedule.start_date) ?? 0))
			invalidParameter('end_date');
	};

	ctx.route('GET', '/schedules', (params) => {
		// 'next' always yields a window.
		const window = windowOf(params, SCHEDULE_WINDOW, ctx.now()) as Window;
		if (touchesBadDay(window, ctx.switches.badScheduleDays))
			fail(500, ERR.internal, 'internal server error');
		const withDeleted = params.flag('get_deleted') === 1;
		const withActual = params.flag('with_actual') === 1;
		const on = ctx.switches.scheduleWindowOn;
		const rows = [...store.schedules.values()].filter(
			(s) => inWindow(s[on], window) && (withDeleted || s.deleted_at === null),
		);
		return listBody('schedules', paginate(rows, scheduleCursor, params), (s) =>
			ctx.serialize.schedule(s, { withDeleted, withActual }),
		);
	});

	ctx.route('POST', '/schedules', (params, done) => {
		const fields = changes(params);
		if (fields.group_id === undefined) invalidParameter('group_id');
		if (fields.start_date === undefined) invalidParameter('start_date');
		if (fields.end_date === undefined) invalidParameter('end_date');
		if (fields.title === undefined) invalidParameter('title');
		const at = ctx.nowText();
		const schedule: ScheduleRec = {
			schedule_id: store.newId(),
			group_id: fields.group_id,
			title: fields.title,
			detail: fields.detail ?? null,
			start_date: fields.start_date,
			end_date: fields.end_date,
			all_day: fields.all_day ?? 0,
			spotId: fields.spotId ?? null,
			members: fields.members ?? [],
			categoryName: null,
			created_at: at,
			updated_at: at,
			deleted_at: null,
		};
		checkDates(schedule);
		store.schedules.set(schedule.schedule_id, schedule);
		return done({ schedule_id: schedule.schedule_id });
	});

	ctx.route('PUT', '/schedules', (params, done) => {
		const schedule = liveSchedule(params);
		const fields = changes(params);
		checkDates({
			start_date: fields.start_date ?? schedule.start_date,
			end_date: fields.end_date ?? schedule.end_date,
		});
		assignSent(schedule, fields);
		ctx.touch(schedule);
		return done({ schedule_id: schedule.schedule_id });
	});

	// [proposed] A delete is soft: `GET /schedules?get_deleted=1` shows it with `deleted_at`.
	ctx.route('DELETE', '/schedules', (params, done) => {
		const schedule = liveSchedule(params);
		schedule.deleted_at = ctx.nowText();
		schedule.updated_at = schedule.deleted_at;
		return done({ schedule_id: schedule.schedule_id });
	});

	// ---- schedule_members -------------------------------------------------------------------------
	const memberRows = (): MemberRow[] =>
		[...store.schedules.values()]
			.filter((s) => s.deleted_at === null)
			.flatMap((s) => s.members.map((user_id) => ({ schedule_id: s.schedule_id, user_id })));

	ctx.list('/schedule_members', () => memberRows(), {
		filters: ['schedule_id', 'user_id'],
		cursor: memberCursor,
	});

	ctx.route('POST', '/schedule_members', (params, done) => {
		const schedule = liveSchedule(params);
		const user_id = params.required('user_id');
		if (!store.users.has(user_id) || schedule.members.includes(user_id))
			invalidParameter('user_id');
		schedule.members.push(user_id);
		ctx.touch(schedule);
		const ids = { schedule_id: schedule.schedule_id, user_id };
		return done(ids);
	});

	// Update replaces the member list (§10.2).
	ctx.route('PUT', '/schedule_members', (params, done) => {
		const schedule = liveSchedule(params);
		const list = members(params, 'user_id');
		if (list === undefined) invalidParameter('user_id');
		schedule.members = list;
		ctx.touch(schedule);
		return done({ schedule_id: schedule.schedule_id });
	});

	ctx.route('DELETE', '/schedule_members', (params, done) => {
		const schedule = liveSchedule(params);
		const user_id = params.required('user_id');
		if (!schedule.members.includes(user_id)) invalidParameter('user_id');
		schedule.members = schedule.members.filter((id) => id !== user_id);
		ctx.touch(schedule);
		const ids = { schedule_id: schedule.schedule_id, user_id };
		return done(ids);
	});
}
