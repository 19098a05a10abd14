import { randomBytes } from 'crypto';

/** A file part of a multipart/form-data body; its content is sent as UTF-8 text. */
export interface MultipartFile {
	filename: string;
	contentType: string;
	content: string;
}

/** The parts of a multipart/form-data body by name, in the order they are sent. */
export type MultipartParts = Record<string, string | MultipartFile>;

const CRLF = '\r\n';

/** A boundary no text part can contain by chance (RFC 2046 allows up to 70 characters). */
export function newMultipartBoundary(): string {
	return `----n8nFormBoundary${randomBytes(16).toString('hex')}`;
}

/** Quoted-string for a Content-Disposition parameter: quotes and line breaks percent-encoded (WHATWG). */
function dispositionValue(value: string): string {
	return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function encodePart(name: string, value: string | MultipartFile, boundary: string): string {
	if (typeof value === 'string') {
		return `--${boundary}${CRLF}Content-Disposition: form-data; name="${dispositionValue(name)}"${CRLF}${CRLF}${value}${CRLF}`;
	}
	return (
		`--${boundary}${CRLF}Content-Disposition: form-data; name="${dispositionValue(name)}"; filename="${dispositionValue(value.filename)}"${CRLF}` +
		`Content-Type: ${value.contentType}${CRLF}${CRLF}${value.content}${CRLF}`
	);
}

/** The parts without the closing delimiter, so more parts can be put in front (see prependMultipartParts). */
function encodeParts(parts: MultipartParts, boundary: string): string {
	return Object.entries(parts)
		.map(([name, value]) => encodePart(name, value, boundary))
		.join('');
}

/** A complete multipart/form-data body (RFC 7578) for `Content-Type: multipart/form-data; boundary=…`. */
export function encodeMultipart(parts: MultipartParts, boundary: string): string {
	return `${encodeParts(parts, boundary)}--${boundary}--${CRLF}`;
}

/** The boundary of a `multipart/form-data` content type, or undefined for any other type. */
export function multipartBoundary(contentType: unknown): string | undefined {
	if (typeof contentType !== 'string' || !/^\s*multipart\/form-data/i.test(contentType)) {
		return undefined;
	}
	return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

/**
 * Puts text parts in front of an encoded body, e.g. credential keys added at authentication.
 * Adding the same parts twice (n8n authenticates a request again before re-sending it after a
 * 401) leaves the body as it was the first time.
 */
export function prependMultipartParts(
	body: string,
	boundary: string,
	parts: Record<string, string>,
): string {
	const head = encodeParts(parts, boundary);
	return body.startsWith(head) ? body : `${head}${body}`;
}
