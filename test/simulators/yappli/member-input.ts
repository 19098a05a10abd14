import type { ColumnMap } from './columns';
import { Problems } from './errors';
import type { Json } from './request';
import type { YappliStore } from './store';
import { parseDateTime } from './time';
import type { Flag, MemberRec, TenantSettings } from './types';

/** What a create/update body asks to change, already validated. */
export interface MemberPatch {
	uniqueId?: string;
	loginId?: string | null;
	password?: string;
	rank?: string;
	/** `columnNN` → value (key names already resolved). */
	columns: Record<string, string | null>;
	secretQuestion?: string | null;
	secretAnswer?: string | null;
	logined?: Flag;
	enabled?: Flag;
	loginedAt?: number;
}

export interface MemberInputRules {
	store: YappliStore;
	columns: ColumnMap;
	tenant: TenantSettings;
	/** [proposed] 'reject' (default): a unique_id already held by another member → 400. */
	duplicateUniqueId: 'reject' | 'allow';
}

/** Response fields that are not request parameters: sending one is a 400 [proposed]. */
const READ_ONLY = new Set([
	'id',
	'point',
	'total_point',
	'memo',
	'point_geted_at',
	'point_used_at',
	'point_expired_at',
	'point_expired_point',
	'created_at',
	'updated_at',
]);

/**
 * Reads a `POST /api/ext/users` or `PUT /api/ext/users/{id}` body (vendor doc §顧客登録/§顧客更新):
 * no field is required; `unique_id` ≥ 1 character; `login_id` may be omitted or empty on create,
 * ≥ 1 character on update; `password` ≥ 4 characters; `rank` ≥ 1 character and writable only while
 * the rank feature is off; custom fields by `columnNN` or admin key name; `logined` 0/1, and 1 needs
 * `logined_at` (`YYYY-MM-DD HH:MM:SS`); `enabled` 0/1. Every problem is collected, then one 400.
 * [proposed] Unknown fields, wrong JSON types, null for unique_id/login_id/password/rank and
 * duplicate unique_id/login_id are 400 too.
 */
export function readMemberBody(
	body: Json,
	mode: 'create' | 'update',
	rules: MemberInputRules,
	self?: MemberRec,
): MemberPatch {
	const problems = new Problems();
	const patch: MemberPatch = { columns: {} };
	const columnSources = new Map<string, string>();

	const text = (name: string, value: unknown, min: number): string | undefined => {
		if (typeof value !== 'string') {
			problems.add(`${name} must be a string`);
			return undefined;
		}
		if (value.length < min)
			problems.add(`${name} must be at least ${min} character${min === 1 ? '' : 's'}`);
		return value.length < min ? undefined : value;
	};
	const nullableText = (name: string, value: unknown): string | null | undefined => {
		if (value === null) return null;
		if (typeof value === 'string') return value;
		problems.add(`${name} must be a string or null`);
		return undefined;
	};
	const flag = (name: string, value: unknown): Flag | undefined => {
		if (value === 0 || value === 1) return value;
		problems.add(`${name} must be 0 or 1`);
		return undefined;
	};

	for (const [name, value] of Object.entries(body)) {
		if (value === undefined) continue;
		switch (name) {
			case 'with_column_key':
				break; // read by the route
			case 'unique_id':
				patch.uniqueId = text(name, value, 1);
				break;
			case 'login_id':
				if (mode === 'create' && value === '') patch.loginId = null;
				else patch.loginId = text(name, value, 1);
				break;
			case 'password':
				patch.password = text(name, value, 4);
				break;
			case 'rank':
				if (rules.tenant.rankEnabled)
					problems.add('rank cannot be set while the rank feature is enabled');
				else patch.rank = text(name, value, 1);
				break;
			case 'secret_question':
				patch.secretQuestion = nullableText(name, value);
				break;
			case 'secret_quetion':
				problems.add(
					'unknown field secret_quetion (responses spell it so; requests use secret_question)',
				);
				break;
			case 'secret_answer':
				patch.secretAnswer = nullableText(name, value);
				break;
			case 'logined':
				patch.logined = flag(name, value);
				break;
			case 'enabled':
				patch.enabled = flag(name, value);
				break;
			case 'logined_at': {
				const at = typeof value === 'string' ? parseDateTime(value) : undefined;
				if (at === undefined) problems.add('logined_at must be a date-time YYYY-MM-DD HH:MM:SS');
				else patch.loginedAt = at;
				break;
			}
			default: {
				if (READ_ONLY.has(name)) {
					problems.add(`${name} cannot be written through the API`);
					break;
				}
				const column = rules.columns.resolve(name);
				if (!column) {
					problems.add(`unknown field ${name}`);
					break;
				}
				const columnValue = nullableText(name, value);
				if (columnValue === undefined) break;
				const earlier = columnSources.get(column);
				if (earlier !== undefined && patch.columns[column] !== columnValue)
					problems.add(`${name} and ${earlier} name the same custom field with different values`);
				columnSources.set(column, name);
				patch.columns[column] = columnValue;
			}
		}
	}

	if (body.logined === 1 && body.logined_at === undefined)
		problems.add('logined_at is required when logined is 1');
	if (patch.uniqueId !== undefined && rules.duplicateUniqueId === 'reject') {
		const holder = rules.store.byUniqueId(patch.uniqueId).find((m) => m.id !== self?.id);
		if (holder) problems.add(`unique_id ${patch.uniqueId} is already used by another member`);
	}
	if (typeof patch.loginId === 'string') {
		const holder = rules.store.byLoginId(patch.loginId);
		if (holder && holder.id !== self?.id)
			problems.add(`login_id ${patch.loginId} is already used by another member`);
	}
	problems.throwIfAny();
	return patch;
}

/** A new member from a validated create body. Defaults [proposed]: enabled 1, logined 0, tenant rank. */
export function newMember(
	id: string,
	patch: MemberPatch,
	tenant: TenantSettings,
	now: number,
): MemberRec {
	return {
		id,
		uniqueId: patch.uniqueId ?? null,
		loginId: patch.loginId ?? null,
		password: patch.password ?? null,
		rank: patch.rank ?? tenant.defaultRank,
		columns: { ...patch.columns },
		secretQuestion: patch.secretQuestion ?? null,
		secretAnswer: patch.secretAnswer ?? null,
		logined: patch.logined ?? 0,
		enabled: patch.enabled ?? 1,
		memo: null,
		loginedAt: patch.loginedAt ?? null,
		createdAt: now,
		updatedAt: now,
	};
}

/**
 * Applies an update body: only the fields sent change (partial update [proposed]; the document's
 * "省略しない場合" wording implies omitted fields are kept). `updated_at` moves only when a stored
 * value actually changed [proposed]. Returns whether anything changed.
 */
export function applyPatch(rec: MemberRec, patch: MemberPatch, now: number): boolean {
	let changed = false;
	const set = <K extends keyof MemberRec>(key: K, value: MemberRec[K] | undefined): void => {
		if (value === undefined || rec[key] === value) return;
		rec[key] = value;
		changed = true;
	};
	set('uniqueId', patch.uniqueId);
	set('loginId', patch.loginId);
	set('password', patch.password);
	set('rank', patch.rank);
	set('secretQuestion', patch.secretQuestion);
	set('secretAnswer', patch.secretAnswer);
	set('logined', patch.logined);
	set('enabled', patch.enabled);
	set('loginedAt', patch.loginedAt);
	for (const [column, value] of Object.entries(patch.columns)) {
		if ((rec.columns[column] ?? null) === value) continue;
		rec.columns[column] = value;
		changed = true;
	}
	if (changed) rec.updatedAt = now;
	return changed;
}
