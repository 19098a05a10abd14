import { add, subtract, type GrantInput } from '../ledger';
import { badRequest, Problems } from '../errors';
import { jsonBody, pageOf, pageParams, type Json } from '../request';
import { addDays, endOfJapanDay, parseDate, startOfJapanDay } from '../time';
import type { MemberRec } from '../types';
import type { RouteContext } from './context';

/** Fields a point write may carry [proposed: anything else is a 400]. */
const POINT_FIELDS = new Set(['point', 'title', 'expired_at', 'remarks']);
const CALCULATION_FIELDS = new Set(['amount', 'title', 'expired_at', 'remarks']);

function optionalText(body: Json, name: string, problems: Problems): string | null {
	const value = body[name];
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') {
		problems.add(`${name} must be a string`);
		return null;
	}
	return value;
}

function requiredInteger(body: Json, name: string, problems: Problems): number | undefined {
	const value = body[name];
	if (value === undefined || value === null) {
		problems.add(`${name} is required`);
		return undefined;
	}
	if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
		problems.add(`${name} must be an integer`);
		return undefined;
	}
	return value;
}

function unknownFields(body: Json, allowed: Set<string>, problems: Problems): void {
	for (const key of Object.keys(body)) if (!allowed.has(key)) problems.add(`unknown field ${key}`);
}

/** #7–#10: point history, expiry list, add/subtract, calculation. */
export function pointRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;

	/**
	 * The expiry of an addition: `expired_at` (`YYYY-MM-DD`) at 23:59:59 Japan time (vendor doc), or
	 * the tenant default when omitted. [proposed] A date before today (Japan time) is a 400.
	 */
	const expiryOf = (body: Json, problems: Problems): number => {
		const now = ctx.now();
		const raw = body.expired_at;
		if (raw === undefined || raw === null)
			return endOfJapanDay(addDays(startOfJapanDay(now), ctx.tenant.defaultExpiryDays));
		const day = typeof raw === 'string' ? parseDate(raw) : undefined;
		if (day === undefined) {
			problems.add('expired_at must be a date YYYY-MM-DD');
			return 0;
		}
		if (day < startOfJapanDay(now)) problems.add('expired_at must not be in the past');
		return endOfJapanDay(day);
	};

	/** Records the write and answers the member, as both write endpoints do (vendor doc). */
	const grant = (member: MemberRec, input: GrantInput) => {
		const now = ctx.now();
		if (input.point < 0) {
			// [proposed] More than the live balance → 400; nothing is written.
			if (!subtract(store, member.id, input, now))
				badRequest(`point ${input.point} exceeds the member's balance`);
		} else add(store, member.id, input, now);
		// [proposed] The member's updated_at moves with every accepted point write.
		member.updatedAt = now;
		return { body: serialize.memberEnvelope(member, false) };
	};

	// #7 ポイント付与履歴: newest first (vendor doc), paged.
	ctx.route('GET', '/api/ext/users/:id/points', (req) => {
		const member = ctx.member(req.params.id);
		const params = pageParams(req.query);
		const history = [...store.pointsOf(member.id)].sort(
			(a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id),
		);
		return { body: pageOf('points', history, params, (e) => serialize.pointEntry(e)) };
	});

	// #8 ポイント有効期限一覧: live points summed per expiry date, nearest first, paged.
	ctx.route('GET', '/api/ext/users/:id/points/expired_list', (req) => {
		const member = ctx.member(req.params.id);
		const params = pageParams(req.query);
		return { body: pageOf('points', serialize.expiryList(member.id), params, (g) => g) };
	});

	// #9 ポイント付与(加算・減算): positive adds, negative subtracts; `expired_at` ignored (not even
	// validated) on subtractions (vendor doc). Not idempotent: every accepted call is a history row.
	// [proposed] `point: 0` is a 400.
	ctx.route('POST', '/api/ext/users/:id/points', (req) => {
		const member = ctx.member(req.params.id);
		const body = jsonBody(req);
		const problems = new Problems();
		unknownFields(body, POINT_FIELDS, problems);
		const point = requiredInteger(body, 'point', problems);
		if (point === 0) problems.add('point must not be 0');
		const title = optionalText(body, 'title', problems);
		const remarks = optionalText(body, 'remarks', problems);
		const expiresAt = point !== undefined && point > 0 ? expiryOf(body, problems) : null;
		problems.throwIfAny();
		return grant(member, { point: point ?? 0, title, remarks, detail: null, expiresAt });
	});

	// #10 ポイント計算: points = amount × the member's rank rate (percent, tenant settings),
	// rounded down [proposed]; amount must not be negative (vendor doc). A result of 0 points is
	// still recorded [proposed]. `detail` describes the calculation [proposed].
	ctx.route('POST', '/api/ext/users/:id/points/calculation', (req) => {
		const member = ctx.member(req.params.id);
		const body = jsonBody(req);
		const problems = new Problems();
		unknownFields(body, CALCULATION_FIELDS, problems);
		const amount = requiredInteger(body, 'amount', problems);
		if (amount !== undefined && amount < 0) problems.add('amount must not be negative');
		const title = optionalText(body, 'title', problems);
		const remarks = optionalText(body, 'remarks', problems);
		const expiresAt = expiryOf(body, problems);
		problems.throwIfAny();
		const rate = ctx.tenant.rankRates[member.rank ?? ''] ?? ctx.tenant.defaultRate;
		const points = calculatePoints(amount ?? 0, rate);
		const detail = `計算値 ${amount} × 付与率 ${rate}%`;
		return grant(member, { point: points, title, remarks, detail, expiresAt });
	});
}

/** amount × rate% rounded down, computed in integers (rates to 1/100 of a percent). */
export function calculatePoints(amount: number, ratePercent: number): number {
	return Math.floor((amount * Math.round(ratePercent * 100)) / 10_000);
}
