// Looked up once: in Jest's vm context every access to a global such as `Math` is slow.
const imul = Math.imul;
const floor = Math.floor;

/** mulberry32: small, fast, deterministic; the same seed always gives the same demo tenant. */
export function prng(seed: number): () => number {
	let state = seed | 0;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = state;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The choices a seed makes, all drawn from one deterministic generator. */
export class Dice {
	private readonly next: () => number;

	constructor(seed: number) {
		this.next = prng(seed);
	}

	float(): number {
		return this.next();
	}

	int(min: number, max: number): number {
		return min + floor(this.next() * (max - min + 1));
	}

	pick<T>(list: readonly T[]): T {
		return list[floor(this.next() * list.length)];
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	/** Between `min` and `max` distinct items of `list`, in random order. */
	some<T>(list: readonly T[], min: number, max: number): T[] {
		const count = Math.min(list.length, this.int(min, max));
		const copy = [...list];
		const out: T[] = [];
		for (let i = 0; i < count; i++) out.push(copy.splice(floor(this.next() * copy.length), 1)[0]);
		return out;
	}

	digits(count: number): string {
		return Array.from({ length: count }, () => String(this.int(0, 9))).join('');
	}

	/** `length` lowercase hexadecimal characters, eight from each draw. */
	hex(length: number): string {
		let out = '';
		while (out.length < length)
			out += floor(this.next() * 4294967296)
				.toString(16)
				.padStart(8, '0');
		return out.slice(0, length);
	}
}
