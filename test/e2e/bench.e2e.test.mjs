// A correctness smoke of `npm run bench` (scripts/bench.mjs): every row at a small size, each
// variant once, in this suite's n8n. It checks what each variant did (requests sent, results in the
// sandbox), never how long it took: speed is for `npm run bench` and bench/README.md.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Bench } from '../../bench/n8n/harness.mjs';
import { benchServerCredentials, BenchServerControl } from '../../bench/server/control.mjs';
import { startBenchServer } from '../../bench/server/server.mjs';
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
let independent;
let independentCtx;
let server;

beforeAll(async () => {
	const { info, client, sandbox } = await connect();
	bench = new Bench({
		client,
		sandbox,
		credentials: info.credentials,
		packageName: info.packageName,
	});
	ctx = await rowContext(bench);
	// The same rows against bench/server/ (the vendor documents, not the sandbox), with latency.
	server = await startBenchServer({ latencyMs: 5 });
	independent = new Bench({
		client,
		sandbox: new BenchServerControl(server.url),
		credentials: await benchServerCredentials(client, info.credentials, server.url),
		packageName: info.packageName,
	});
	independent.latencyMs = 5;
	independentCtx = await rowContext(independent);
});

afterAll(async () => {
	await server?.close();
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

describe('benchmark rows against the independent bench server (5 ms latency)', () => {
	test('Sellfern assign and drain', async () => {
		const assign = await runAll(await assignRow(independent, independentCtx, 150));
		expect(requestsOf(assign)).toEqual({ pack: 2, http: 150, raw: 2 });
		const drain = await runAll(await drainRow(independent, independentCtx, 250));
		expect(requestsOf(drain)).toEqual({ pack: 3, http: 4, httpCredential: 4, raw: 3 });
		for (const run of Object.values(drain)) expect(run.items).toBe(250);
	});

	test('ShipperOne accept: one call per order, over the connections the server counted', async () => {
		const runs = await runAll(await acceptRow(independent, independentCtx, 30));
		expect(requestsOf(runs)).toEqual({ pack: 30, http: 30, raw: 30 });
		expect(runs.pack.connections).toBeGreaterThanOrEqual(1);
		expect(runs.pack.connections).toBeLessThanOrEqual(30);
	});

	test('SKU.io export and the Sellfern Trigger poll', async () => {
		const exported = await runAll(await exportRow(independent, independentCtx, 1));
		expect(requestsOf(exported)).toEqual({ pack: 1, http: 1, raw: 1 });
		expect(exported.raw.size).toBeGreaterThanOrEqual(1024 * 1024);
		const trigger = await runAll(await triggerRow(independent, independentCtx, 250));
		expect(trigger.pack.requests).toBe(3);
	});
});
