/**
 * Builds a URL path whose interpolated values are each one encoded segment:
 * encodePath`/orders/${id}/status` with id "../x?y" gives "/orders/..%2Fx%3Fy/status".
 * "." and ".." are refused: URL parsers treat them (even percent-encoded) as dot segments.
 */
export function encodePath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
	return strings.reduce((path, literal, i) => {
		if (i === 0) return literal;
		return path + encodeSegment(values[i - 1]) + literal;
	}, '');
}

export function encodeSegment(value: string | number): string {
	const text = String(value);
	if (text === '' || text === '.' || text === '..') {
		throw new Error(`"${text}" cannot be used as an identifier in a URL path`);
	}
	return encodeURIComponent(text);
}
