export interface SandboxResponse {
	status: number;
	headers: Record<string, string>;
	body: string | Buffer;
}

export function json(
	status: number,
	data: unknown,
	headers: Record<string, string> = {},
): SandboxResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
		body: JSON.stringify(data),
	};
}

export function text(
	status: number,
	body: string,
	contentType = 'text/plain; charset=utf-8',
): SandboxResponse {
	return { status, headers: { 'Content-Type': contentType }, body };
}

/** A downloadable file, e.g. an export: the client should save it under `filename`. */
export function file(
	data: Buffer | string,
	options: { contentType: string; filename: string; status?: number },
): SandboxResponse {
	return {
		status: options.status ?? 200,
		headers: {
			'Content-Type': options.contentType,
			'Content-Disposition': `attachment; filename="${options.filename.replace(/["\\]/g, '_')}"`,
		},
		body: data,
	};
}

export function withHeaders(
	response: SandboxResponse,
	headers: Record<string, string> = {},
): SandboxResponse {
	return { ...response, headers: { ...response.headers, ...headers } };
}
