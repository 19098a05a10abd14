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

/**
 * Everything the shared request layer needs to know about one vendor. Each vendor folder defines
 * one of these; the layer itself holds no vendor names.
 */
export interface VendorProfile {
	/** Shown in messages: "Mazrica returned 400: …". */
	displayName: string;
	throttle: ThrottleProfile;
	/** Reads the vendor's message out of a non-2xx body. */
	errorFromBody(body: unknown): VendorErrorDetail | undefined;
	/** Reads an error out of a 2xx body, for vendors that answer 200 with an error inside. */
	errorInSuccessBody?(body: unknown): VendorErrorDetail | undefined;
	/** English hints per HTTP status, added after the vendor's message. */
	hints?: Partial<Record<number, string>>;
	/** Credential fields whose values must never appear in output, errors or logs. */
	secretFields: string[];
}
