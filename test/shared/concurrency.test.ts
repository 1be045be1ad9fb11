/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, not shipped */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { AdaptiveLimiter } from '../../nodes/shared/concurrency';
import { createRunContext, withRun } from '../../nodes/shared/run';
import { forEachValidatedItem } from '../../nodes/shared/items';

const tick = async (ms = 5) => await new Promise((resolve) => setTimeout(resolve, ms));

function context(continueOnFail = false): IExecuteFunctions {
	const node = { name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		getNode: () => node,
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

const inputs = (n: number): INodeExecutionData[] =>
	Array.from({ length: n }, (_, i) => ({ json: { i } }));

/** Runs items that take `ms` each and records how many ran at once. */
async function runAll(
	n: number,
	options: Parameters<typeof forEachValidatedItem<number>>[4],
	ms = 5,
) {
	let active = 0;
	let peak = 0;
	const started: number[] = [];
	const output = await forEachValidatedItem(
		context(),
		inputs(n),
		(i) => i,
		async (i) => {
			started.push(i);
			peak = Math.max(peak, ++active);
			await tick(ms);
			active--;
			return { i };
		},
		options,
	);
	return { output, peak, started };
}

describe('forEachValidatedItem with concurrency', () => {
	it('runs up to the limit at once and keeps outputs in item order, paired', async () => {
		const { output, peak } = await runAll(20, { concurrency: 4 });
		expect(peak).toBe(4);
		expect(output.map((item) => item.json.i)).toEqual([...Array(20).keys()]);
		expect(output.map((item) => item.pairedItem)).toEqual(
			[...Array(20).keys()].map((item) => ({ item })),
		);
	});

	it('runs one after another by default', async () => {
		const { peak, started } = await runAll(6, {});
		expect(peak).toBe(1);
		expect(started).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('never runs two items of the same lane at once, and keeps their order', async () => {
		const running = new Set<number>();
		const order: number[] = [];
		await forEachValidatedItem(
			context(),
			inputs(12),
			(i) => ({ i, order: i % 3 }),
			async (i, params) => {
				expect(running.has(params.order)).toBe(false);
				running.add(params.order);
				order.push(i);
				await tick(3);
				running.delete(params.order);
				return {};
			},
			{ concurrency: 6, lane: (params) => String(params.order) },
		);
		for (const lane of [0, 1, 2]) {
			const inLane = order.filter((i) => i % 3 === lane);
			expect(inLane).toEqual([...inLane].sort((a, b) => a - b));
		}
	});

	it('starts no further item after a failure and reports the lowest failing item', async () => {
		const started: number[] = [];
		const run = forEachValidatedItem(
			context(),
			inputs(30),
			(i) => i,
			async (i) => {
				started.push(i);
				await tick(2);
				if (i === 3 || i === 5) throw new Error(`boom ${i}`);
				return {};
			},
			{ concurrency: 4 },
		);
		await expect(run).rejects.toThrow('boom 3');
		expect(Math.max(...started)).toBeLessThan(12);
	});

	it('outputs each failure on its own item under continueOnFail', async () => {
		const output = await forEachValidatedItem(
			context(true),
			inputs(6),
			(i) => i,
			async (i) => {
				if (i % 2) throw new Error(`odd ${i}`);
				return { ok: i };
			},
			{ concurrency: 3 },
		);
		expect(output.map((item) => item.json)).toEqual([
			{ ok: 0 },
			{ error: 'odd 1' },
			{ ok: 2 },
			{ error: 'odd 3' },
			{ ok: 4 },
			{ error: 'odd 5' },
		]);
	});

	it('lets the transport find the limiter of the node run while items run', async () => {
		const ctx = withRun(context(), createRunContext(context()));
		let seen: AdaptiveLimiter | undefined;
		await forEachValidatedItem(
			ctx,
			inputs(2),
			(i) => i,
			async () => ((seen = ctx.run.limiter), {}),
			{
				concurrency: 2,
			},
		);
		expect(seen).toBeInstanceOf(AdaptiveLimiter);
	});
});

describe('AdaptiveLimiter', () => {
	it('halves on a 429, holds new requests for the Retry-After, and grows back after successes', async () => {
		let now = 1000;
		const limiter = new AdaptiveLimiter(8, () => now);
		for (let i = 0; i < 5; i++) limiter.succeeded();
		expect(limiter.current).toBe(8);
		limiter.throttled(50);
		expect(limiter.current).toBe(4);
		limiter.throttled(50);
		expect(limiter.current).toBe(2);
		let passed = false;
		const gate = limiter.gate().then(() => (passed = true));
		await tick(20);
		expect(passed).toBe(false);
		now += 60;
		await gate;
		expect(passed).toBe(true);
		limiter.succeeded();
		limiter.succeeded();
		expect(limiter.current).toBe(3);
		for (let i = 0; i < 50; i++) limiter.succeeded();
		expect(limiter.current).toBe(8);
	});

	it('starts at 5 and doubles after each round of successes, up to the most allowed', () => {
		const limiter = new AdaptiveLimiter(50);
		const seen = [limiter.current];
		while (limiter.current < 50) {
			for (let i = 0; i < limiter.current; i++) limiter.succeeded();
			seen.push(limiter.current);
		}
		expect(seen).toEqual([5, 10, 20, 40, 50]);
		expect(new AdaptiveLimiter(3).current).toBe(3);
	});

	it('stops growing while answers come slower than four times the fastest', async () => {
		let now = 0;
		const limiter = new AdaptiveLimiter(50, () => now);
		const round = async (ms: number) => {
			for (let i = limiter.current; i > 0; i--) {
				await limiter.run(async () => {
					now += ms;
					limiter.succeeded();
				});
			}
		};
		await round(10);
		expect(limiter.current).toBe(10);
		await round(10);
		expect(limiter.current).toBe(20);
		await round(200);
		await round(200);
		expect(limiter.current).toBe(20);
		await round(30);
		await round(30);
		expect(limiter.current).toBe(50);
	});

	it('grows by one per round once the vendor has answered 429', () => {
		const limiter = new AdaptiveLimiter(50);
		for (let i = 0; i < 5; i++) limiter.succeeded();
		expect(limiter.current).toBe(10);
		limiter.throttled(0);
		expect(limiter.current).toBe(5);
		for (let i = 0; i < 5; i++) limiter.succeeded();
		expect(limiter.current).toBe(6);
	});

	it('lets waiting tasks start as soon as the limit grows', async () => {
		const limiter = new AdaptiveLimiter(10);
		let active = 0;
		let peak = 0;
		const releases: Array<() => void> = [];
		const tasks = Array.from({ length: 12 }, async () => {
			await limiter.run(async () => {
				peak = Math.max(peak, ++active);
				await new Promise<void>((resolve) => releases.push(resolve));
				active--;
			});
		});
		await tick(1);
		expect(peak).toBe(5);
		for (let i = 0; i < 5; i++) limiter.succeeded();
		await tick(1);
		expect(peak).toBe(10);
		while (releases.length > 0) {
			releases.splice(0).forEach((release) => release());
			await tick(1);
		}
		await Promise.all(tasks);
	});

	it('never goes below one at a time', () => {
		const limiter = new AdaptiveLimiter(2);
		for (let i = 0; i < 5; i++) limiter.throttled(0);
		expect(limiter.current).toBe(1);
	});
});
