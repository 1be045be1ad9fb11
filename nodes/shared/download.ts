/**
 * The file name a Content-Disposition header suggests (RFC 6266: `filename*` wins over `filename`),
 * reduced to its last path segment; `undefined` when the header names none.
 */
export function fileNameFromContentDisposition(header: unknown): string | undefined {
	const text = Array.isArray(header) ? header[0] : header;
	if (typeof text !== 'string') return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(text);
	let name: string | undefined;
	if (extended) {
		try {
			name = decodeURIComponent(extended[2].trim());
		} catch {
			name = undefined;
		}
	}
	if (!name) {
		const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(text);
		name = plain ? (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1').trim() : undefined;
	}
	const base = name?.split(/[\\/]/).pop()?.trim();
	return base && base !== '.' && base !== '..' ? base : undefined;
}

/** A header's value as one string (the first, when repeated). */
export function headerText(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const text = Array.isArray(value) ? value[0] : value;
		return typeof text === 'string' ? text : undefined;
	}
	return undefined;
}

/** Whether a response body came as a readable stream (a request with `encoding: 'stream'`). */
export function isReadableStream(
	value: unknown,
): value is AsyncIterable<Buffer | string> & { destroy(): void } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { pipe?: unknown }).pipe === 'function' &&
		typeof (value as { destroy?: unknown }).destroy === 'function' &&
		Symbol.asyncIterator in value
	);
}

/** The first `maxBytes` of a stream, as text; the rest is not read, and the stream is closed. */
export async function readStreamText(stream: unknown, maxBytes = 64 * 1024): Promise<string> {
	if (!isReadableStream(stream)) return '';
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
			chunks.push(bytes);
			size += bytes.length;
			if (size >= maxBytes) break;
		}
	} finally {
		stream.destroy();
	}
	return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

/** An error answer to a streamed request carries its body as a stream: read it, so it can be explained. */
export async function bufferStreamedErrorBody(error: unknown): Promise<void> {
	for (const holder of [error, (error as { cause?: unknown })?.cause]) {
		const response = (holder as { response?: { data?: unknown } } | undefined)?.response;
		if (response && isReadableStream(response.data)) {
			response.data = Buffer.from(await readStreamText(response.data));
		}
	}
}
