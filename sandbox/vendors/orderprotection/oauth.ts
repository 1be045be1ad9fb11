import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { HttpError } from '../../core/http-error';
import type { SandboxRequest } from '../../core/request';
import { json, type SandboxResponse } from '../../core/response';

/** "access tokens op_at_… live 3600 s". */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export interface App {
	clientId: string;
	clientSecret: string;
	/** Stores the app is installed on: the client-credentials grant works only for these. */
	stores: string[];
	scopes: string[];
}

export const SANDBOX_APP: App = {
	clientId: 'op_app_sandbox',
	clientSecret: 'op_secret_sandbox',
	stores: ['store_sandbox', 'store_second'],
	scopes: ['read_orders', 'write_orders'],
};

interface Grant {
	storeId: string;
	expiresAtMs: number;
}

/** OAuth 2.0 errors are answered the RFC 6749 way: `{error, error_description}`. */
function oauthError(status: number, error: string, description: string): SandboxResponse {
	return json(status, { error, error_description: description });
}

/** Token requests come form-encoded (RFC 6749) or as JSON (OrderProtection's own examples); both are read. */
function tokenParams(request: SandboxRequest): Record<string, unknown> {
	const type = request.header('content-type') ?? '';
	if (type.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
	}
	const body = request.json();
	return typeof body === 'object' && body !== null && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: {};
}

/** Client id and secret from the body, or from an HTTP Basic header. */
function clientOf(
	request: SandboxRequest,
	params: Record<string, unknown>,
): { id: unknown; secret: unknown } {
	const basic = /^Basic\s+(.+)$/i.exec(request.header('authorization') ?? '')?.[1];
	if (basic) {
		const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
		return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
	}
	return { id: params.client_id, secret: params.client_secret };
}

/** `POST /v1/oauth/token` (client-credentials grant with store_id) and the bearer tokens it hands out. */
export class OAuthServer {
	private readonly grants = new Map<string, Grant>();
	lifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;

	constructor(private readonly clock: Clock) {}

	token(request: SandboxRequest): SandboxResponse {
		const params = tokenParams(request);
		if (params.grant_type !== 'client_credentials')
			return oauthError(
				400,
				'unsupported_grant_type',
				'The sandbox supports the client_credentials grant only',
			);
		const client = clientOf(request, params);
		if (client.id !== SANDBOX_APP.clientId || client.secret !== SANDBOX_APP.clientSecret)
			return oauthError(401, 'invalid_client', 'Unknown client_id or wrong client_secret');
		if (typeof params.store_id !== 'string' || params.store_id === '')
			return oauthError(
				400,
				'invalid_request',
				'store_id is required for the client_credentials grant',
			);
		if (!SANDBOX_APP.stores.includes(params.store_id))
			return oauthError(
				400,
				'unauthorized_client',
				`The app is not installed on store '${params.store_id}'`,
			);
		const accessToken = `op_at_${randomBytes(20).toString('hex')}`;
		this.grants.set(accessToken, {
			storeId: params.store_id,
			expiresAtMs: this.clock.now().getTime() + this.lifetimeSeconds * 1000,
		});
		return json(200, {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: this.lifetimeSeconds,
			scope: SANDBOX_APP.scopes.join(' '),
		});
	}

	/** The store a request's bearer token was issued for (a 401 HttpError when missing, unknown or expired). */
	storeOf(request: SandboxRequest): string {
		const token = /^Bearer\s+(.+)$/i.exec(request.header('authorization') ?? '')?.[1]?.trim();
		if (!token)
			throw new HttpError(401, 'Missing access token: send Authorization: Bearer <token>');
		const grant = this.grants.get(token);
		if (!grant) throw new HttpError(401, 'Invalid access token');
		if (grant.expiresAtMs <= this.clock.now().getTime())
			throw new HttpError(401, 'Access token expired');
		return grant.storeId;
	}

	revokeAll(): number {
		const count = this.grants.size;
		this.grants.clear();
		return count;
	}

	reset(): void {
		this.grants.clear();
		this.lifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;
	}
}
