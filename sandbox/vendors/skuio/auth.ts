import { HttpError } from '../../core/http-error';
import type { Handler } from '../../core/router';

/** Personal Access Tokens the sandbox accepts (Laravel Sanctum's `id|secret` form). */
export const TOKENS = ['1|skuio-sandbox-demo-token'];

/** Sanctum: a missing or unknown token is a 401 `{"message": "Unauthenticated."}`. */
export function authorized(handler: Handler): Handler {
	return (request) => {
		const token = /^Bearer\s+(.+)$/i.exec(request.header('authorization') ?? '')?.[1]?.trim();
		if (!token || !TOKENS.includes(token)) throw new HttpError(401, 'Unauthenticated.');
		return handler(request);
	};
}
