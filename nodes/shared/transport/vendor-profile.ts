import type { RetryPolicy } from './retry-policy';
import type { ThrottleProfile } from './throttle';

/** What the vendor said went wrong, pulled out of its own error body. */
export interface VendorErrorDetail {
	/** The vendor's message, kept as written (often Japanese). */
	message: string;
	/** The vendor's own error code, when it has one. */
	code?: string;
	/** True when the body says "slow down" even though the status does not (e.g. a 200 throttle). */
	throttled?: boolean;
	/**
	 * The status the body reports, for vendors that carry it there (SATORI's body `status`); an
	 * error in a 2xx answer is then reported, and retried or not, as that status.
	 */
	status?: number;
}

/** A refused request as a profile sees it when it classifies the refusal or picks a hint. */
export interface VendorRefusal {
	status: number;
	body: unknown;
	/** The vendor's message, as `errorFromBody` read it. */
	detail?: VendorErrorDetail;
}

/**
 * Everything the shared request layer needs to know about one vendor. Each vendor folder defines
 * one of these; the layer itself holds no vendor names.
 */
export interface VendorProfile {
	/** Shown in messages: "Mazrica returned 400: …". Also names the vendor in budget keys. */
	displayName: string;
	throttle: ThrottleProfile;
	/** The vendor's own retry steps, when its document prescribes them (cyzen: 1, 2, 4, 8, 16 s). */
	retry?: Partial<RetryPolicy>;
	/** Reads the vendor's message out of a non-2xx body; by default the shared `readVendorError`. */
	errorFromBody?(body: unknown): VendorErrorDetail | undefined;
	/** Reads an error out of a 2xx body, for vendors that answer 200 with an error inside. */
	errorInSuccessBody?(body: unknown): VendorErrorDetail | undefined;
	/**
	 * True when a refusal says the daily quota is used up (rather than "slow down"): the request
	 * is not retried and the key is paused until the quota resets (00:00 UTC).
	 */
	isQuotaRefusal?(refusal: VendorRefusal): boolean;
	/** English hints per HTTP status, added after the vendor's message. */
	hints?: Partial<Record<number, string>>;
	/** A hint chosen by the body, for statuses that mean different things (a bad key or a plan). Wins over `hints`. */
	hintFor?(refusal: VendorRefusal): string | undefined;
	/** Credential fields whose values must never appear in output, errors or logs. */
	secretFields: string[];
	/**
	 * Names of the node's password-typed parameters (e.g. a token the user pastes into the node).
	 * Their values are masked wherever credential secrets are. A test checks the list is complete.
	 */
	secretParameters?: string[];
	/**
	 * Credential fields whose values identify one vendor budget (throttle, daily count, pauses):
	 * the API key or client, not tokens a refresh replaces. Defaults to `secretFields`. Only a
	 * hash of them is kept.
	 */
	budgetFields?: string[];
}
