/**
 * Custom fields `column01` … `column50` (カスタムフィールド). In the admin screen each column can be
 * given a key name; request bodies may use either name, and `with_column_key` answers with the key
 * names (vendor doc). Which columns carry which keys is tenant configuration: the defaults below
 * are the demo tenant's [proposed].
 */
export const COLUMN_COUNT = 50;

export const COLUMN_NAMES: readonly string[] = Array.from(
	{ length: COLUMN_COUNT },
	(_, i) => `column${String(i + 1).padStart(2, '0')}`,
);

/** The demo tenant's key names. column01/column02 match the document's example (name, birthday). */
export const DEFAULT_COLUMN_KEYS: Readonly<Record<string, string>> = {
	column01: 'full_name',
	column02: 'birthday',
	column03: 'name_kana',
	column04: 'email',
	column05: 'phone',
	column06: 'gender',
	column07: 'postal_code',
	column08: 'prefecture',
	column09: 'member_rank',
	column10: 'store_code',
	column11: 'store_name',
	column12: 'newsletter',
};

/** Names a key may not take: the member object's own fields. */
const RESERVED = new Set([
	'id',
	'unique_id',
	'login_id',
	'password',
	'rank',
	'secret_question',
	'secret_quetion',
	'secret_answer',
	'point',
	'total_point',
	'logined',
	'enabled',
	'memo',
	'point_geted_at',
	'point_used_at',
	'point_expired_at',
	'point_expired_point',
	'logined_at',
	'created_at',
	'updated_at',
	'with_column_key',
]);

/** Maps between `columnNN` and admin key names. */
export class ColumnMap {
	private readonly keyOf = new Map<string, string>();
	private readonly columnOf = new Map<string, string>();

	constructor(keys: Readonly<Record<string, string>> = DEFAULT_COLUMN_KEYS) {
		for (const [column, key] of Object.entries(keys)) {
			if (!COLUMN_NAMES.includes(column)) throw new Error(`no custom column ${column}`);
			if (RESERVED.has(key) || COLUMN_NAMES.includes(key) || this.columnOf.has(key))
				throw new Error(`column key ${key} is reserved or used twice`);
			this.keyOf.set(column, key);
			this.columnOf.set(key, column);
		}
	}

	/** `columnNN` for a request field named by column or by key; undefined when neither. */
	resolve(name: string): string | undefined {
		if (COLUMN_NAMES.includes(name)) return name;
		return this.columnOf.get(name);
	}

	/** The name a column is answered under: its key with `with_column_key`, when it has one. */
	outputName(column: string, withColumnKey: boolean): string {
		return (withColumnKey && this.keyOf.get(column)) || column;
	}

	/** The key name of a column, if the tenant gave it one. */
	key(column: string): string | undefined {
		return this.keyOf.get(column);
	}
}
