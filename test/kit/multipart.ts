/** A file part of a multipart/form-data request, as received. */
export interface UploadedFile {
	filename: string;
	contentType: string;
	/** The part's bytes, undecoded: a simulator checks the encoding it requires. */
	bytes: Buffer;
}

export interface MultipartForm {
	/** Text parts by name (repeated names become arrays), decoded as UTF-8. */
	fields: Record<string, string | string[]>;
	/** File parts (parts with a filename) by name. */
	files: Record<string, UploadedFile>;
}

/** Thrown for a body that is not valid multipart/form-data; simulators answer it as a 400. */
export class MultipartError extends Error {}

/** The boundary of a `multipart/form-data; boundary=…` content type, if it is one. */
export function multipartBoundaryOf(contentType: string | undefined): string | undefined {
	if (!contentType || !/^\s*multipart\/form-data/i.test(contentType)) return undefined;
	return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

function dispositionParam(header: string, name: string): string | undefined {
	const match = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header);
	return match ? match[1].replace(/%22/g, '"').replace(/%0D/g, '\r').replace(/%0A/g, '\n') : undefined;
}

/**
 * Parses an RFC 7578 body byte by byte, so file parts keep their exact bytes (a CSV that is not
 * UTF-8 must reach the simulator as it was sent).
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
	const form: MultipartForm = { fields: {}, files: {} };
	const delimiter = Buffer.from(`--${boundary}`);
	let position = body.indexOf(delimiter);
	if (position < 0) throw new MultipartError('multipart body without its boundary');
	for (;;) {
		position += delimiter.length;
		if (body.subarray(position, position + 2).toString() === '--') return form;
		if (body.subarray(position, position + 2).toString() !== '\r\n') {
			throw new MultipartError('malformed multipart delimiter');
		}
		position += 2;
		const headerEnd = body.indexOf('\r\n\r\n', position);
		if (headerEnd < 0) throw new MultipartError('multipart part without headers');
		const headers = body.subarray(position, headerEnd).toString('utf8').split('\r\n');
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
		if (next < 0) throw new MultipartError('multipart body not closed');
		const content = body.subarray(headerEnd + 4, next);
		const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
		const name = dispositionParam(disposition, 'name');
		if (name === undefined) throw new MultipartError('multipart part without a name');
		const filename = dispositionParam(disposition, 'filename');
		if (filename !== undefined) {
			const type = headers.find((h) => /^content-type:/i.test(h));
			form.files[name] = {
				filename,
				contentType: type ? type.replace(/^content-type:\s*/i, '') : 'application/octet-stream',
				bytes: Buffer.from(content),
			};
		} else {
			const text = content.toString('utf8');
			const existing = form.fields[name];
			form.fields[name] =
				existing === undefined ? text : Array.isArray(existing) ? [...existing, text] : [existing, text];
		}
		position = next + 2;
	}
}
