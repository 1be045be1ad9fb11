import type { IAuthenticateGeneric } from 'n8n-workflow';

/** Sends the credential's `field` as `Authorization: Bearer …` with every request. */
export function bearerToken(field: string): IAuthenticateGeneric {
	return {
		type: 'generic',
		properties: {
			headers: {
				Authorization: `=Bearer {{$credentials.${field}}}`,
			},
		},
	};
}
