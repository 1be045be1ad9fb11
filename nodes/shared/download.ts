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
