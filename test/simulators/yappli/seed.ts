import { crypto } from '../../platform/node';
import { sample } from '../../kit/sample';
import { add, balance, subtract } from './ledger';
import {
	ADD_TITLES,
	FAMILY_NAMES,
	GIVEN_NAMES,
	MEMOS,
	PREFECTURES,
	RANK_LABELS,
	RANKS,
	SECRET_ANSWERS,
	SECRET_QUESTIONS,
	STORES,
	USE_TITLES,
} from './seed-data';
import type { YappliStore } from './store';
import {
	addDays,
	DAY,
	endOfJapanDay,
	formatDate,
	parseDateTime,
	startOfJapanDay,
	truncateToSecond,
} from './time';
import type { MemberRec } from './types';

/** How much demo data to generate. */
export interface SeedOptions {
	/** Members; the default gives the member list three pages at the default `per_page` of 50. */
	members?: number;
	/** Seed each member's point history (and so balances). Default true. */
	pointHistory?: boolean;
	/**
	 * Seeded timestamps lie before this instant (`YYYY-MM-DD HH:MM:SS`, Japan time). Default: 00:00
	 * Japan time of the simulator clock's current day, so seeded point expiries stay in the future
	 * relative to the clock while the data is the same for the whole day.
	 */
	anchor?: string;
	/**
	 * This many members were last updated in the 12 hours before the clock (not the anchor), so
	 * that "changed since yesterday" finds members in the demo. Default 0.
	 */
	recentChanges?: number;
	/** PRNG seed; the same options (and anchor) always produce the same tenant. */
	randomSeed?: number;
}

export const DEFAULT_SEED = {
	members: 120,
	pointHistory: true,
	recentChanges: 0,
	randomSeed: 20250401,
};

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
	const state = new Int32Array([seed | 0]);
	return () => {
		state[0] = (state[0] + 0x6d2b79f5) | 0;
		let t = state[0];
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Dice {
	constructor(private readonly next: () => number) {}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)];
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	/** `count` distinct items (all of them when the list is shorter). */
	sample<T>(list: readonly T[], count: number): T[] {
		return sample(list, count, this.next);
	}
	digits(count: number): string {
		return Array.from({ length: count }, () => String(this.int(0, 9))).join('');
	}
}

/**
 * Replaces the store's content with a deterministic demo tenant: Japanese names with katakana
 * readings, birthdays, example.com e-mail addresses, mobile numbers, stores, ranks, and a point
 * history per member that the ledger replays (so balances, totals and expiries agree).
 */
export function seedStore(store: YappliStore, options: SeedOptions, clock: number): void {
	const o = { ...DEFAULT_SEED, ...options };
	const anchor =
		options.anchor === undefined ? startOfJapanDay(clock) : parseDateTime(options.anchor);
	if (anchor === undefined) throw new Error(`bad seed anchor ${options.anchor}`);
	const dice = new Dice(prng(o.randomSeed));
	store.clear();

	for (let n = 1; n <= o.members; n++) {
		const [family, familyKana, familyRoman] = dice.pick(FAMILY_NAMES);
		const [given, givenKana, givenRoman, gender] = dice.pick(GIVEN_NAMES);
		const [prefecture, postal] = dice.pick(PREFECTURES);
		const [storeCode, storeName] = dice.pick(STORES);
		const rank = dice.pick(RANKS);
		const email = `${givenRoman}.${familyRoman}${n}@example.com`;
		const birthday = formatDate(
			Date.UTC(dice.int(1955, 2006), dice.int(0, 11), dice.int(1, 28), 3),
		);
		const createdAt = truncateToSecond(anchor - dice.int(1, 720) * DAY + dice.int(0, DAY - 1));
		const hasLogin = dice.chance(0.85);
		const logined = hasLogin && dice.chance(0.75);
		const member: MemberRec = {
			id: store.nextMemberId(),
			uniqueId: dice.chance(0.85) ? `C${String(100000 + n)}` : null,
			loginId: hasLogin ? email : null,
			// Never answered by the API; generated so no fixed password sits in the source.
			password: hasLogin
				? crypto.createHash('sha256').update(`seed-${n}`).digest('hex').slice(0, 12)
				: null,
			rank,
			columns: {
				column01: `${family}\u3000${given}`,
				column02: birthday,
				column03: `${familyKana}\u3000${givenKana}`,
				column04: email,
				column05: `0${dice.pick(['90', '80', '70'])}-${dice.digits(4)}-${dice.digits(4)}`,
				column06: dice.chance(0.05) ? '回答しない' : gender,
				column07: `${postal}-${dice.digits(4)}`,
				column08: prefecture,
				column09: RANK_LABELS[rank] ?? rank,
				column10: storeCode,
				column11: storeName,
				column12: dice.chance(0.6) ? '1' : '0',
			},
			secretQuestion: null,
			secretAnswer: null,
			logined: logined ? 1 : 0,
			enabled: dice.chance(0.95) ? 1 : 0,
			memo: dice.chance(0.2) ? dice.pick(MEMOS) : null,
			loginedAt: null,
			createdAt,
			updatedAt: createdAt,
		};
		if (hasLogin && dice.chance(0.3)) {
			member.secretQuestion = dice.pick(SECRET_QUESTIONS);
			member.secretAnswer = dice.pick(SECRET_ANSWERS);
		}
		if (logined)
			member.loginedAt = truncateToSecond(createdAt + dice.int(0, anchor - createdAt - 1));
		if (dice.chance(0.5))
			member.updatedAt = truncateToSecond(createdAt + dice.int(0, anchor - createdAt - 1));
		store.members.set(member.id, member);

		if (!o.pointHistory) continue;
		const events = Array.from({ length: dice.int(0, 6) }, () =>
			truncateToSecond(createdAt + dice.int(0, anchor - createdAt - 1)),
		).sort((a, b) => a - b);
		for (const at of events) {
			const entries = store.pointsOf(member.id);
			if (dice.chance(0.25) && balance(entries, at) >= 100) {
				const used = Math.min(balance(entries, at), dice.pick([100, 200, 300]));
				subtract(
					store,
					member.id,
					{
						point: -used,
						title: dice.pick(USE_TITLES),
						detail: null,
						remarks: null,
						expiresAt: null,
					},
					at,
				);
			} else {
				add(
					store,
					member.id,
					{
						point: dice.pick([10, 50, 100, 100, 200, 300, 500, 1000]),
						title: dice.pick(ADD_TITLES),
						detail: null,
						remarks: dice.chance(0.2) ? `seed:${n}` : null,
						expiresAt: endOfJapanDay(addDays(startOfJapanDay(at), dice.pick([90, 180, 365]))),
					},
					at,
				);
			}
			member.updatedAt = Math.max(member.updatedAt, at);
		}
	}
	// Last: with the default of 0 nothing here draws from the dice, so the tenant stays the same.
	for (const member of dice.sample([...store.members.values()], o.recentChanges)) {
		member.updatedAt = truncateToSecond(clock - dice.int(60_000, 12 * 3_600_000));
	}
}
