/** Records the simulator keeps. Field names follow the API (snake_case) only in serialize.ts. */

export type Flag = 0 | 1;

/** One Yappli CRM member (顧客). Ids are strings, as the document types them. */
export interface MemberRec {
	id: string;
	uniqueId: string | null;
	loginId: string | null;
	/** Never returned by the API; kept so tests can see a password update landed. */
	password: string | null;
	rank: string | null;
	/** `column01` … `column50` → value; a column never written is absent (serialised as null). */
	columns: Record<string, string | null>;
	secretQuestion: string | null;
	secretAnswer: string | null;
	logined: Flag;
	enabled: Flag;
	/** Written only in the admin UI (not an API parameter). */
	memo: string | null;
	loginedAt: number | null;
	createdAt: number;
	updatedAt: number;
}

/**
 * One row of a member's point history (ポイント付与履歴): an addition (a lot that can expire and
 * be consumed) or a subtraction.
 */
export interface PointEntryRec {
	id: string;
	memberId: string;
	/** Signed: negative for a subtraction. */
	point: number;
	title: string | null;
	detail: string | null;
	remarks: string | null;
	/** Epoch ms of 23:59:59 Japan time on the expiry date; null for subtractions [proposed]. */
	expiresAt: number | null;
	/** Points of this addition not yet used by a subtraction (0 for subtractions). */
	remaining: number;
	createdAt: number;
	updatedAt: number;
}

/** A login-transfer token (引き継ぎトークン) the Yappli app would hand to another service. */
export interface TransferTokenRec {
	token: string;
	memberId: string;
	expiresAt: number;
	used: boolean;
}

/**
 * Switches for the places where the document can be read two ways (spec §10, §11.9).
 * Defaults are the first value of each.
 */
export interface ShapeOptions {
	/** `member` as one object (default) or as a one-element array ("Array[Member Object]"). */
	member: 'object' | 'array';
	/**
	 * List items as plain objects (default) or wrapped, as the document's "members > member" and
	 * "points > point" can be read: `{"member": {…}}` / `{"point": {…}}`.
	 */
	listItems: 'plain' | 'wrapped';
	/** `expires_in` as the example's number (default) or as the table's String. */
	expiresIn: 'number' | 'string';
	/** The check endpoint adds the member on success (its section text) [proposed switch]. */
	checkMember: boolean;
	/**
	 * Order of the member list, which the document does not state: by id (default), or most
	 * recently updated first, where an edit or a creation while a client pages shifts the pages.
	 */
	memberOrder: 'id' | 'updatedDesc';
}

export const DEFAULT_SHAPES: ShapeOptions = {
	member: 'object',
	listItems: 'plain',
	expiresIn: 'number',
	checkMember: false,
	memberOrder: 'id',
};

/** Tenant settings made in the Yappli CRM admin screen. All [proposed] values. */
export interface TenantSettings {
	/**
	 * The rank feature (ランク利用). While on, `rank` cannot be written through the API (vendor doc);
	 * default off so the document's example (`"rank": "regular"`) works [proposed].
	 */
	rankEnabled: boolean;
	/** Rank assigned to members created without one [proposed]. */
	defaultRank: string;
	/** Point grant rate per rank, in percent of the amount (ポイント付与率) [proposed]. */
	rankRates: Record<string, number>;
	/** Rate for a member whose rank has no entry: 1 point per 100 yen [proposed]. */
	defaultRate: number;
	/**
	 * Default point expiry when an addition has no `expired_at` (ポイントデフォルト期限): this many days
	 * after the grant date, at 23:59:59 Japan time [proposed].
	 */
	defaultExpiryDays: number;
}

export const DEFAULT_TENANT: TenantSettings = {
	rankEnabled: false,
	defaultRank: 'regular',
	rankRates: { regular: 1, silver: 2, gold: 3, platinum: 5 },
	defaultRate: 1,
	defaultExpiryDays: 365,
};
