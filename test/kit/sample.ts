/**
 * `count` distinct items of `list` (all of them when it is shorter), picked with `next`, a
 * seeded random source in [0, 1): the simulators' demo data stays the same for the same seed.
 */
export function sample<T>(list: readonly T[], count: number, next: () => number): T[] {
	const copy = [...list];
	const out: T[] = [];
	for (let i = 0; i < Math.min(count, list.length); i++) {
		out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
	}
	return out;
}
