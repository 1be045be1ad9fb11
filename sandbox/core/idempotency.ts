import type { Clock } from './clock';
import type { SandboxRequest } from './request';
import type { SandboxResponse } from './response';

interface StoredResult {
	fingerprint: string;
	response: SandboxResponse;
	storedAtMs: number;
}

export type IdempotencyLookup =
	| { kind: 'new' }
	| { kind: 'replay'; response: SandboxResponse }
	| { kind: 'conflict' };

/** Results stored under an `Idempotency-Key`, kept for `ttlMs` of sandbox time. */
export class IdempotencyStore {
	private readonly results = new Map<string, StoredResult>();

	constructor(
		private readonly clock: Clock,
		private readonly ttlMs: number,
	) {}

	lookup(key: string, fingerprint: string): IdempotencyLookup {
		this.dropExpired();
		const stored = this.results.get(key);
		if (!stored) return { kind: 'new' };
		return stored.fingerprint === fingerprint
			? { kind: 'replay', response: stored.response }
			: { kind: 'conflict' };
	}

	save(key: string, fingerprint: string, response: SandboxResponse): void {
		this.results.set(key, { fingerprint, response, storedAtMs: this.clock.now().getTime() });
	}

	clear(): void {
		this.results.clear();
	}

	private dropExpired(): void {
		const oldest = this.clock.now().getTime() - this.ttlMs;
		for (const [key, stored] of this.results)
			if (stored.storedAtMs <= oldest) this.results.delete(key);
	}
}

/** Same method, path, query and body (JSON compared by value, key order ignored) → same fingerprint. */
export function requestFingerprint(request: SandboxRequest): string {
	const query = Object.entries(request.query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	let body: unknown;
	try {
		body = request.json();
	} catch {
		body = request.body.toString('utf8');
	}
	return JSON.stringify([request.method, request.path, query, canonical(body)]);
}

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
	);
}
