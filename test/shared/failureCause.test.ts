/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only test code, not shipped */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FaultSpec } from '../../sandbox/core/faults';
import { demoCredential, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';
import { listParams } from '../support/params';

/**
 * Every error from a vendor request declares n8n's failure cause (n8n-workflow 2.x `failure`):
 * 429 rate-limited with the vendor's Retry-After, 5xx and lost connections temporarily-unavailable,
 * 401/403 credential-invalid, 400/404 configuration-invalid. n8n 2.41's poll back-off reads it: a
 * throttled trigger waits at least the Retry-After, one with a refused credential stops polling.
 */
const env = useTestEnv((sandbox) => ({
	sellfernApi: demoCredential(sandbox, 'sellfern'),
	skuIoApi: demoCredential(sandbox, 'skuio'),
}));

type Failure = { cause: string; retryAfterMs?: number } | undefined;

const CASES: Array<[string, Omit<FaultSpec, 'vendor'>, Failure]> = [
	[
		'429 with Retry-After',
		{ status: 429, headers: { 'Retry-After': '90' } },
		{ cause: 'rate-limited', retryAfterMs: 90_000 },
	],
	['429 without Retry-After', { status: 429 }, { cause: 'rate-limited' }],
	['503', { status: 503 }, { cause: 'temporarily-unavailable' }],
	['502 page from a proxy', { html: true }, { cause: 'temporarily-unavailable' }],
	['lost connection', { drop: true }, { cause: 'temporarily-unavailable' }],
	['401', { status: 401 }, { cause: 'credential-invalid' }],
	['403', { status: 403 }, { cause: 'credential-invalid' }],
	['404', { status: 404 }, { cause: 'configuration-invalid' }],
	['400', { status: 400 }, { cause: 'configuration-invalid' }],
	['409', { status: 409 }, undefined],
];

/** n8n 2.41's poll back-off policy, from the installed n8n (the e2e suite installs it). */
function n8nPollBackoffPolicy():
	| {
			pollFailureFromError(
				error: unknown,
				now: Date,
			): { type: string; retryAfterMs: number | null; cause?: string };
			computeBackoffDelayMs(args: {
				type: string;
				consecutiveErrors: number;
				retryAfterMs: number | null;
			}): number;
			MAX_BACKOFF_MS: number;
	  }
	| undefined {
	const cache = process.env.FULFILLMENT_CACHE_DIR ?? path.resolve(__dirname, '../../.cache');
	const file = path.join(
		cache,
		'n8n-2.41.1/node_modules/n8n/dist/workflows/triggers/poll-backoff-policy.js',
	);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return existsSync(file) ? require(file) : undefined;
}

describe('failure causes', () => {
	it.each(CASES)('a Get Many that fails with %s declares it', async (_name, spec, expected) => {
		env.sandbox.state.faults.add({ vendor: 'sellfern', count: 10, ...spec });
		const result = await env.harness.runNode({
			nodeType: 'sellfern',
			parameters: listParams.sellfern({ options: { maxRetries: 0 } }),
		});
		expect(result.status).toBe('error');
		expect(result.error?.name).toBe('NodeApiError');
		expect((result.error as { failure?: Failure }).failure).toEqual(expected);
	});

	it.each(CASES)('a trigger poll that fails with %s declares it', async (_name, spec, expected) => {
		const poller = env.harness.poller({
			nodeType: 'skuIoTrigger',
			parameters: { event: 'created', options: { maxRetries: 0 } },
		});
		env.sandbox.state.faults.add({ vendor: 'skuio', count: 10, ...spec });
		const error = (await poller.poll().catch((caught: unknown) => caught)) as {
			failure?: Failure;
		};
		expect(error).toBeInstanceOf(Error);
		expect(error.failure).toEqual(expected);
	});

	it('a trigger whose settings cannot work declares configuration-invalid', async () => {
		const poller = env.harness.poller({
			nodeType: 'sellfernTrigger',
			parameters: { status: 'New', options: { reEmitAfterMinutes: -1 } },
		});
		const error = (await poller.poll().catch((caught: unknown) => caught)) as {
			message?: string;
			failure?: Failure;
		};
		expect(error.message).toMatch(/Re-Emit After \(Minutes\)/);
		expect(error.failure).toEqual({ cause: 'configuration-invalid' });
		expect(vendorRequests(env, 'sellfern')).toHaveLength(0);
	});

	const policy = n8nPollBackoffPolicy();
	(policy ? describe : describe.skip)("n8n 2.41's poll back-off", () => {
		const pollError = async (spec: Omit<FaultSpec, 'vendor'>) => {
			const poller = env.harness.poller({
				nodeType: 'skuIoTrigger',
				parameters: { event: 'created', options: { maxRetries: 0 } },
			});
			env.sandbox.state.faults.add({ vendor: 'skuio', count: 10, ...spec });
			return await poller.poll().catch((caught: unknown) => caught);
		};

		it('stops polling with a refused credential until someone acts', async () => {
			const verdict = policy!.pollFailureFromError(await pollError({ status: 401 }), new Date());
			expect(verdict).toMatchObject({ type: 'permanent', cause: 'credential-invalid' });
			expect(policy!.computeBackoffDelayMs({ ...verdict, consecutiveErrors: 1 })).toBe(
				policy!.MAX_BACKOFF_MS,
			);
		});

		it('stops polling on a configuration that cannot work (404)', async () => {
			const verdict = policy!.pollFailureFromError(await pollError({ status: 404 }), new Date());
			expect(verdict).toMatchObject({ type: 'permanent', cause: 'configuration-invalid' });
		});

		it("waits at least the vendor's Retry-After when throttled", async () => {
			const error = await pollError({ status: 429, headers: { 'Retry-After': '600' } });
			const verdict = policy!.pollFailureFromError(error, new Date());
			expect(verdict).toEqual({ type: 'transient', retryAfterMs: 600_000, cause: 'rate-limited' });
			expect(
				policy!.computeBackoffDelayMs({ ...verdict, consecutiveErrors: 1 }),
			).toBeGreaterThanOrEqual(600_000);
		});

		it('backs off and tries again when the vendor is down', async () => {
			const verdict = policy!.pollFailureFromError(await pollError({ status: 503 }), new Date());
			expect(verdict).toMatchObject({ type: 'transient', cause: 'temporarily-unavailable' });
		});
	});
});
