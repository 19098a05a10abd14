import type { SimRequest } from '../../kit/simulator';
import { validation } from './errors';

export type FormValue = string | FormMap;
export interface FormMap {
	[key: string]: FormValue;
}

/**
 * Bracket names as PHP and Rails read them: `customer[email]=a` → `{ customer: { email: 'a' } }`,
 * `customer[custom:x]` keeps the colon. A repeated name keeps its last value.
 */
export function nestBrackets(fields: Record<string, string | string[]>): FormMap {
	const root: FormMap = {};
	for (const [name, raw] of Object.entries(fields)) {
		const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
		const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
		if (!match) {
			root[name] = value;
			continue;
		}
		const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
		let node = root;
		for (const key of path.slice(0, -1)) {
			const next = node[key];
			if (typeof next !== 'object') node[key] = {};
			node = node[key] as FormMap;
		}
		node[path[path.length - 1]] = value;
	}
	return root;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Buffer): boolean {
	try {
		UTF8.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/**
 * The parameters of a POST: urlencoded or multipart (spec §4; public code sends both), UTF-8
 * (vendor doc). [proposed] Another body type, or bytes that are not UTF-8, answer 400.
 */
export function postForm(req: SimRequest): FormMap {
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	const urlencoded = type.includes('application/x-www-form-urlencoded');
	const multipart = type.includes('multipart/form-data');
	if (!urlencoded && !multipart && req.rawBody !== '') {
		validation('application/x-www-form-urlencoded または multipart/form-data で送信してください。');
	}
	// URLSearchParams would turn invalid UTF-8 into U+FFFD silently: check the bytes themselves.
	const decoded = urlencoded ? decodeUrlencodedBytes(req.rawBytes) : req.rawBytes;
	if (!isUtf8(decoded)) validation('文字コードはUTF-8で送信してください。');
	if (req.rawBody !== '' && (typeof req.body !== 'object' || req.body === null)) {
		validation('リクエストの形式が正しくありません。');
	}
	return nestBrackets((req.body ?? {}) as Record<string, string | string[]>);
}

/** The bytes a urlencoded body stands for (percent escapes and `+` undone), before any decoding. */
function decodeUrlencodedBytes(raw: Buffer): Buffer {
	const out: number[] = [];
	const hex = (byte: number) => /[0-9a-fA-F]/.test(String.fromCharCode(byte));
	for (let i = 0; i < raw.length; i++) {
		const byte = raw[i];
		if (byte === 0x25 && i + 2 < raw.length && hex(raw[i + 1]) && hex(raw[i + 2])) {
			out.push(parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16));
			i += 2;
		} else {
			out.push(byte === 0x2b ? 0x20 : byte);
		}
	}
	return Buffer.from(out);
}

/** A text value of the form, or '' when absent or nested. */
export function text(map: FormMap | undefined, key: string): string {
	const value = map?.[key];
	return typeof value === 'string' ? value : '';
}

export function submap(map: FormMap, key: string): FormMap {
	const value = map[key];
	return typeof value === 'object' ? value : {};
}
