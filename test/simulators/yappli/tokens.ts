import { crypto } from '../../platform/node';

interface IssuedToken {
	expiresAt: number;
}

/** Access tokens of the client-credentials flow. */
export class TokenRegistry {
	private readonly tokens = new Map<string, IssuedToken>();
	/** Refresh tokens handed out; no refresh grant is documented, so none is ever accepted. */
	private readonly refreshTokens = new Set<string>();
	/** Tokens issued since the last reset. */
	issued = 0;

	constructor(
		private readonly now: () => number,
		private readonly lifetimeSeconds: number,
	) {}

	get lifetime(): number {
		return this.lifetimeSeconds;
	}

	/**
	 * A new access token (40 hex characters [proposed]; the example shows 30 X's) and a refresh
	 * token. [proposed] Earlier tokens stay valid until their own expiry.
	 */
	issue(): { accessToken: string; refreshToken: string } {
		const accessToken = crypto.randomBytes(20).toString('hex');
		const refreshToken = crypto.randomBytes(20).toString('hex');
		this.tokens.set(accessToken, { expiresAt: this.now() + this.lifetimeSeconds * 1000 });
		this.refreshTokens.add(refreshToken);
		this.issued += 1;
		return { accessToken, refreshToken };
	}

	/** 'ok', or why the token is refused. Valid for exactly the lifetime from issue (vendor doc: 1 day). */
	check(token: string): 'ok' | 'expired' | 'unknown' {
		const entry = this.tokens.get(token);
		if (!entry) return 'unknown';
		return this.now() < entry.expiresAt ? 'ok' : 'expired';
	}

	/** Makes every token issued so far expire now. */
	expireAll(): void {
		const now = this.now();
		for (const entry of this.tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
	}

	clear(): void {
		this.tokens.clear();
		this.refreshTokens.clear();
		this.issued = 0;
	}
}
