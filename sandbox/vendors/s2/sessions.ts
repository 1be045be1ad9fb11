import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { HttpError } from '../../core/http-error';
import type { SandboxRequest } from '../../core/request';
import { USERS, type User } from './catalog';

/** "The access token (JWT) lasts 7 days." */
export const DEFAULT_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

interface Session {
	userId: string;
	expiresAtMs: number;
}

/** Logins and the access tokens they hand out, expiring on the sandbox clock. */
export class Sessions {
	private readonly tokens = new Map<string, Session>();
	lifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;

	constructor(private readonly clock: Clock) {}

	login(email: unknown, password: unknown): { accessToken: string; user: User } {
		if (
			typeof email !== 'string' ||
			typeof password !== 'string' ||
			email === '' ||
			password === ''
		)
			throw new HttpError(400, 'email and password are required');
		const user = USERS.find((candidate) => candidate.email === email.trim().toLowerCase());
		if (!user || user.password !== password) throw new HttpError(401, 'Invalid email or password');
		const accessToken = `eyJhbGciOiJIUzI1NiJ9.${randomBytes(18).toString('base64url')}`;
		this.tokens.set(accessToken, {
			userId: user.id,
			expiresAtMs: this.clock.now().getTime() + this.lifetimeMs,
		});
		return { accessToken, user };
	}

	/** The user the request's bearer token belongs to (a 401 HttpError when missing, unknown or expired). */
	userOf(request: SandboxRequest): User {
		const header = request.header('authorization');
		const token = header === undefined ? undefined : /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
		if (!token)
			throw new HttpError(401, 'Missing access token: send Authorization: Bearer <accessToken>');
		const session = this.tokens.get(token);
		if (!session) throw new HttpError(401, 'Invalid access token');
		if (session.expiresAtMs <= this.clock.now().getTime())
			throw new HttpError(401, 'Access token expired');
		return USERS.find((user) => user.id === session.userId) as User;
	}

	/** Every token issued so far stops working, as after a password change. */
	revokeAll(): number {
		const count = this.tokens.size;
		this.tokens.clear();
		return count;
	}

	reset(): void {
		this.tokens.clear();
		this.lifetimeMs = DEFAULT_TOKEN_LIFETIME_MS;
	}
}
