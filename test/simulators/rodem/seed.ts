import { sample } from '../../kit/sample';
import { crypto } from '../../platform/node';
import {
	EMPLOYEES,
	OFFICE,
	PURPOSES,
	ROUTES,
	SOJOURNS,
	WALK,
	type RouteTemplate,
} from './seed-data';
import { addDays, endOfMonth, isIsoDate, japanInstant, weekday } from './time';
import type { EmployeeRec, ExpenseFlags, ExpenseRec, LineRec, StationRec } from './types';

/** How much demo data to generate; the same options always give the same data. */
export interface SeedOptions {
	/** How many users (taken in order from the demo list of 6); default 4. */
	users?: number;
	/** Records of the first user (id 27); default 250, more than one page of the default limit. */
	primaryUserExpenses?: number;
	/** Records of each other user; default 30. */
	otherUserExpenses?: number;
	/** First possible use date, `YYYY-MM-DD`; default 2024-04-01. */
	startDate?: string;
	/** Use dates fall on weekdays of this many months from `startDate`; default 6. */
	months?: number;
	/** Share of records edited after their month's closing (updated_at in a later month); default 0.12. */
	lateEditShare?: number;
	/** Id of the first record; default 401. */
	firstExpenseId?: number;
	/**
	 * Nothing happens after this instant (epoch ms): records the calendar sync would register
	 * later do not exist yet, and edits planned for later have not been made. Default: no limit.
	 */
	until?: number;
	/**
	 * This many of the first user's records, registered earlier, were edited in the 12 hours
	 * before `until` (so "changed since yesterday" finds records). Needs `until`. Default 0.
	 */
	recentEdits?: number;
	randomSeed?: number;
}

export const DEFAULT_SEED: Required<SeedOptions> = {
	users: 4,
	primaryUserExpenses: 250,
	otherUserExpenses: 30,
	startDate: '2024-04-01',
	months: 6,
	lateEditShare: 0.12,
	firstExpenseId: 401,
	until: Number.POSITIVE_INFINITY,
	recentEdits: 0,
	randomSeed: 20240401,
};

export interface SeededData {
	employees: EmployeeRec[];
	expenses: ExpenseRec[];
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A stand-in for the 駅すぱあと serialised course: base64 text starting like the vendor's example
 * (`VkV4Q…`), derived from the record so it is stable.
 */
export function serializeDataFor(rec: Pick<ExpenseRec, 'id' | 'useDate' | 'courseString'>): string {
	const digest = (salt: string) =>
		crypto
			.createHash('sha256')
			.update(`${salt}|${rec.id}|${rec.useDate}|${rec.courseString}`)
			.digest('base64');
	return `VkV4Q${digest('a')}${digest('b')}`.replace(/=/g, '');
}

/** `自社-[徒歩]-高円寺-[JR総武線・津田沼行]-新宿-[徒歩]-株式会社◯◯`, lines with the walks, and stations. */
export function courseOf(
	route: RouteTemplate,
	outbound: boolean,
	company: string,
): {
	courseString: string;
	fromName: string;
	toName: string;
	lines: LineRec[];
	stations: StationRec[];
} {
	const stations = outbound ? [...route.stations] : [...route.stations].reverse();
	const rail = outbound ? route.lines : route.returnLines;
	const fromName = outbound ? OFFICE : company;
	const toName = outbound ? company : OFFICE;
	let courseString = `${fromName}-[${WALK}]-${stations[0][0]}`;
	for (let i = 1; i < stations.length; i++) courseString += `-[${rail[i - 1]}]-${stations[i][0]}`;
	courseString += `-[${WALK}]-${toName}`;
	return {
		courseString,
		fromName,
		toName,
		lines: [WALK, ...rail, WALK].map((name) => ({ name })),
		stations: stations.map(([name, code]) => ({ name, code })),
	};
}

function weekdaysBetween(start: string, endExclusive: string): string[] {
	const days: string[] = [];
	for (let d = start; d < endExclusive; d = addDays(d, 1)) if (weekday(d) <= 5) days.push(d);
	return days;
}

function monthsLater(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Draft extends Omit<ExpenseRec, 'id' | 'serializeData'> {
	createdAt: number;
}

/** Deterministic demo data: users and their transport expenses. */
export function generateSeed(options: SeedOptions = {}): SeededData {
	const o = { ...DEFAULT_SEED, ...options };
	if (!isIsoDate(o.startDate)) throw new Error(`seed startDate must be YYYY-MM-DD: ${o.startDate}`);
	if (o.recentEdits > 0 && !Number.isFinite(o.until)) throw new Error('seed recentEdits needs until');
	const rand = prng(o.randomSeed);
	const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];

	const employees = EMPLOYEES.slice(0, Math.max(1, Math.min(o.users, EMPLOYEES.length))).map(
		(e) => ({ ...e }),
	);
	const days = weekdaysBetween(o.startDate, monthsLater(o.startDate, o.months));
	const drafts: Draft[] = [];

	employees.forEach((employee, index) => {
		const count = index === 0 ? o.primaryUserExpenses : o.otherUserExpenses;
		for (let i = 0; i < count; i++) {
			// Spread evenly over the weekdays; several trips a day once there are more records than days.
			const useDate = days[Math.floor((i * days.length) / Math.max(count, 1))];
			const route = pick(ROUTES);
			const outbound = rand() < 0.75;
			const company = pick(route.companies);
			const course = courseOf(route, outbound, company);
			const useIc = route.icFare !== undefined && rand() < 0.9;
			const flags: ExpenseFlags = {
				best_price: rand() < 0.7,
				best_time: rand() < 0.6,
				best_transfer: rand() < 0.6,
				with_teiki: rand() < 0.15,
				use_ic_card: useIc,
				reroute: rand() < 0.05,
			};
			const start = japanInstant(useDate, int(8, 17), int(0, 59));
			// Calendar sync registers the trip up to a week ahead, or the day after at the latest.
			const createdAt = japanInstant(
				addDays(useDate, int(-7, 1)),
				int(8, 21),
				int(0, 59),
				int(0, 59),
				int(0, 999),
			);
			const late = rand() < o.lateEditShare;
			const updatedAt = late
				? japanInstant(
						addDays(endOfMonth(useDate), int(1, 10)),
						int(9, 19),
						int(0, 59),
						int(0, 59),
						int(0, 999),
					)
				: createdAt;
			drafts.push({
				userId: employee.id,
				useDate,
				createdAt,
				updatedAt,
				price: useIc ? (route.icFare ?? route.ticketFare) : route.ticketFare,
				distance: route.distance,
				movementStartTime: start,
				movementEndTime: start + route.minutes * 60_000,
				sojournTime: pick(SOJOURNS),
				calendarTitle: `[${company}]${pick(PURPOSES)}`,
				flags,
				...course,
			});
		}
	});

	// Applied after every draw above, so the records up to `until` are the same with or without it.
	const registered = drafts.filter((draft) => draft.createdAt <= o.until);
	for (const draft of registered) if (draft.updatedAt > o.until) draft.updatedAt = draft.createdAt;
	const editable = registered.filter(
		(draft) => draft.userId === employees[0].id && draft.createdAt < o.until - 12 * 3_600_000,
	);
	for (const draft of sample(editable, o.recentEdits, rand)) {
		draft.updatedAt = o.until - int(60_000, 12 * 3_600_000);
	}

	// Ids follow registration order, which is not use-date order.
	registered.sort((a, b) => a.createdAt - b.createdAt || a.movementStartTime - b.movementStartTime);
	const expenses = registered.map((draft, i) => {
		const rec: ExpenseRec = { id: o.firstExpenseId + i, serializeData: '', ...draft };
		delete (rec as Partial<Draft>).createdAt;
		rec.serializeData = serializeDataFor(rec);
		return rec;
	});
	return { employees, expenses };
}
