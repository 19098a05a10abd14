import { anchorAt, OverlapLedger } from '@japan-saas/shared/polling/overlap-ledger';

/** The overlap window state shared by "changed since" triggers (Mazrica now, cyzen next). */
const MINUTE = 60_000;
const T = Date.parse('2025-04-01T10:00:00+09:00');

test('activation reads from the overlap behind the newest change; an empty source from the epoch', () => {
	expect(anchorAt(T, 5 * MINUTE)).toEqual({ readFrom: T - 5 * MINUTE, seen: {} });
	expect(anchorAt(undefined, 5 * MINUTE)).toEqual({ readFrom: 0, seen: {} });
});

test('a pair already emitted is not emitted again; a newer change of the same record is', () => {
	const first = new OverlapLedger<string>({ readFrom: T, seen: {} }, 5 * MINUTE);
	first.offer(1, T + 1000, 'a1');
	first.offer(2, T + 2000, 'b1');
	expect(first.emitted()).toEqual(['a1', 'b1']);

	const second = new OverlapLedger<string>(first.nextState(), 5 * MINUTE);
	second.offer(1, T + 1000, 'a1 read again');
	second.offer(2, T + 3000, 'b2');
	expect(second.emitted()).toEqual(['b2']);
	expect(second.knew(1)).toBe(true);
	expect(second.knew(3)).toBe(false);
});

test('a record met twice in one poll is emitted once, in its newest state, oldest change first', () => {
	const ledger = new OverlapLedger<string>({ readFrom: T, seen: {} }, MINUTE);
	ledger.offer(7, T + 5000, 'seven new');
	ledger.offer(3, T + 4000, 'three');
	ledger.offer(7, T + 1000, 'seven old');
	ledger.offer(10, T + 4000, 'ten');
	expect(ledger.size).toBe(3);
	expect(ledger.emitted()).toEqual(['three', 'ten', 'seven new']);
});

test('changes before the window start are not changes; the state keeps only the window', () => {
	const ledger = new OverlapLedger<string>(
		{ readFrom: T, seen: { 1: T + 1000, 2: T + 50_000 } },
		MINUTE,
	);
	ledger.offer(9, T - 1000, 'before the window');
	ledger.offer(3, T + 90_000, 'new');
	expect(ledger.emitted()).toEqual(['new']);
	// The window now starts a minute before the newest change: 1 can no longer be read back.
	expect(ledger.nextState()).toEqual({
		readFrom: T + 30_000,
		seen: { 2: T + 50_000, 3: T + 90_000 },
	});
});

test('the window start never moves back, so widening the overlap replays nothing', () => {
	const narrow = new OverlapLedger<string>({ readFrom: T, seen: {} }, MINUTE);
	narrow.offer(1, T + 10 * MINUTE, 'x');
	const state = narrow.nextState();
	expect(state.readFrom).toBe(T + 9 * MINUTE);

	const wide = new OverlapLedger<string>(state, 60 * MINUTE);
	wide.offer(2, T + 10 * MINUTE + 1000, 'y');
	expect(wide.from).toBe(T + 9 * MINUTE);
	expect(wide.nextState().readFrom).toBe(T + 9 * MINUTE);
});
