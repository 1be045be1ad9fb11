// A correctness smoke of `npm run bench` (scripts/bench.mjs): every row at a small size, each
// variant once, in this suite's n8n. It checks what each variant did (requests sent, results in the
// sandbox), never how long it took: speed is for `npm run bench` and bench/README.md.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { Bench } from '../../bench/n8n/harness.mjs';
import {
	acceptRow,
	assignRow,
	drainRow,
	exportRow,
	rowContext,
	triggerRow,
} from '../../bench/n8n/rows.mjs';
import { connect } from './support/e2e.mjs';

let bench;
let ctx;

beforeAll(async () => {
	const { info, client, sandbox } = await connect();
	bench = new Bench({
		client,
		sandbox,
		credentials: info.credentials,
		packageName: info.packageName,
	});
	ctx = await rowContext(bench);
});

/** Runs every variant of a row once; returns their measurements by variant. */
async function runAll(row) {
	await row.setup?.();
	const runs = {};
	for (const [variant, run] of Object.entries(row.variants)) runs[variant] = await run();
	return runs;
}

const requestsOf = (runs) =>
	Object.fromEntries(Object.entries(runs).map(([variant, run]) => [variant, run.requests]));

describe('benchmark rows (small sizes; each variant checks its own results)', () => {
	test('Sellfern assign: the pack batches 100 ids a request, the HTTP Request node sends one per order', async () => {
		const runs = await runAll(await assignRow(bench, ctx, 150));
		expect(requestsOf(runs)).toEqual({ pack: 2, http: 150, raw: 2 });
		expect(runs.pack.items).toBe(150);
	});

	test('Sellfern drain: every variant reads the whole queue', async () => {
		const runs = await runAll(await drainRow(bench, ctx, 250));
		// The HTTP Request node stops at the first empty page: one request more.
		expect(requestsOf(runs)).toEqual({ pack: 3, http: 4, httpCredential: 4, raw: 3 });
		for (const run of Object.values(runs)) expect(run.items).toBe(250);
	});

	test('ShipperOne accept: one call per order in every variant', async () => {
		const runs = await runAll(await acceptRow(bench, ctx, 12));
		expect(requestsOf(runs)).toEqual({ pack: 12, http: 12, raw: 12 });
	});

	test('SKU.io export: one download of the padded file', async () => {
		const runs = await runAll(await exportRow(bench, ctx, 1));
		expect(requestsOf(runs)).toEqual({ pack: 1, http: 1, raw: 1 });
		expect(runs.raw.size).toBeGreaterThanOrEqual(1024 * 1024);
		expect(runs.pack.items).toBe(1);
		expect(runs.http.items).toBe(1);
	});

	test('Sellfern Trigger: the activation poll reads every page of the queue', async () => {
		const runs = await runAll(await triggerRow(bench, ctx, 250));
		expect(runs.pack.requests).toBe(3);
		expect(runs.getMany.requests).toBe(3);
	});
});
