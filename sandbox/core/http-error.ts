/**
 * An error a handler throws to answer with a status. Vendor routes have it rendered in the vendor's
 * own error envelope; control routes answer `{error: {message, code?, details?}}`.
 */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly extra: { code?: string; details?: unknown; headers?: Record<string, string> } = {},
	) {
		super(message);
		this.name = 'HttpError';
	}
}
