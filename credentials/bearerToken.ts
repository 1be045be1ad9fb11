import type { IAuthenticate } from 'n8n-workflow';

/**
 * Sends the credential's `field` as `Authorization: Bearer …` with every request. A function, not
 * a `={{ … }}` template: n8n evaluates a template in its expression isolate on every request, which
 * in a trigger poll means creating and disposing an isolate per page.
 */
export function bearerToken(field: string): IAuthenticate {
	return async (credentials, requestOptions) => ({
		...requestOptions,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials[field] ?? '')}`,
		},
	});
}
