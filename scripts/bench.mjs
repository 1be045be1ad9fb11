#!/usr/bin/env node
// `npm run bench`: issue 11's rows in a real n8n 2.41.1 with the pack installed as users install it,
// each beside the HTTP Request node doing the same work and a raw fetch loop, interleaved, several
// repetitions; scaling runs and the export's peak memory. See bench/README.md.
//
//   npm run bench -- [--reps=3] [--rows=assign,drain,accept,export,trigger] [--quick]
//                    [--sizes.assign=500,2000,8000] [--profile=DIR] [--json=FILE] [--no-build] [--keep]
//                    [--server=independent|sandbox] [--latency=0,50] [--warmup=false]
//
// --server: the vendor server the rows run against: `independent` (default; bench/server/, written
// from the vendor documents, sharing no code with the sandbox) or the project's `sandbox`.
// --latency: every row is run at each of these added latencies (ms per request, and the same again
// for each new connection: a TCP handshake), one after another in the same n8n. The sandbox has none.
//
// --profile: n8n runs with its inspector open; the first repetition of every variant is recorded as
// DIR/<row>-<size>-<variant>.cpuprofile (open in Chrome DevTools, or summarise with
// `node bench/n8n/profile-summary.mjs FILE`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bench, Inspector, stats } from '../bench/n8n/harness.mjs';
import {
	acceptRow,
	assignRow,
	drainRow,
	exportRow,
	rowContext,
	triggerRow,
} from '../bench/n8n/rows.mjs';
import { benchServerCredentials, startBenchServerProcess } from '../bench/server/control.mjs';
import { freePort } from './n8n/processes.mjs';
import { startStack } from './n8n/stack.mjs';

const ROWS = {
	assign: assignRow,
	drain: drainRow,
	accept: acceptRow,
	export: exportRow,
	trigger: triggerRow,
};
const FULL_SIZES = {
	assign: [500, 2000, 8000],
	drain: [10_000, 100_000],
	accept: [500, 2000, 5000, 20_000],
	export: [10, 50, 100],
	trigger: [10_000, 100_000],
};
const QUICK_SIZES = { assign: [50], drain: [250], accept: [20], export: [1], trigger: [250] };
const LABELS = {
	pack: 'pack',
	http: 'HTTP Request',
	httpCredential: 'HTTP Request (credential)',
	raw: 'raw fetch loop',
	getMany: 'pack Get Many',
};

const args = Object.fromEntries(
	process.argv.slice(2).map((arg) => {
		const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
		return [key, value];
	}),
);
const quick = args.quick === 'true';
const reps = Number(args.reps ?? (args.profile ? 1 : quick ? 1 : 3));
const rows = (args.rows ?? Object.keys(ROWS).join(',')).split(',');
const sizes = Object.fromEntries(
	Object.keys(ROWS).map((row) => [
		row,
		args[`sizes.${row}`]?.split(',').map(Number) ?? (quick ? QUICK_SIZES : FULL_SIZES)[row],
	]),
);

const serverKind = args.server ?? 'independent';
if (serverKind !== 'independent' && serverKind !== 'sandbox')
	throw new Error(`--server is independent or sandbox, not ${serverKind}`);
const latencies = (args.latency ?? (quick ? '0' : '0,50')).split(',').map(Number);
if (serverKind === 'sandbox' && latencies.some((ms) => ms !== 0))
	throw new Error('the sandbox adds no latency: use --server=independent for --latency');

const userFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-bench-'));
// n8n's inspector: memory readings of the export row, and CPU profiles with --profile.
const inspectPort = await freePort();
const log = (line) => process.stderr.write(`${line}\n`);
const stack = await startStack({
	userFolder,
	build: args['no-build'] !== 'true',
	log,
	n8nEnv: { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` },
});
const results = {
	startedAt: new Date().toISOString(),
	machine: machine(),
	reps,
	server: serverKind,
	latencies,
	rows: [],
};
const inspector = new Inspector(inspectPort);
let profiler;
let server;
try {
	await inspector.connect();
	server = serverKind === 'independent' ? await startBenchServerProcess({ log }) : undefined;
	const bench = new Bench({
		inspector,
		client: stack.client,
		sandbox: server ? server.control : stack.sandbox.control,
		credentials: server
			? await benchServerCredentials(stack.client, stack.credentials, server.url)
			: stack.credentials,
		packageName: stack.packageName,
		pid: stack.n8n.proc.child.pid,
	});
	bench.latencyMs = 0;
	if (args.profile) {
		mkdirSync(args.profile, { recursive: true });
		profiler = inspector;
	}
	const ctx = await rowContext(bench);
	for (const name of rows) {
		if (!ROWS[name]) throw new Error(`unknown row ${name} (rows: ${Object.keys(ROWS).join(', ')})`);
		for (const [sizeIndex, size] of sizes[name].entries())
			for (const [latencyIndex, latencyMs] of latencies.entries()) {
				if (server) await server.control.latency(latencyMs);
				bench.latencyMs = latencyMs;
				const row = await ROWS[name](bench, ctx, size);
				row.title += ` [${serverKind === 'independent' ? 'independent server' : 'sandbox'}, ${latencyMs} ms latency]`;
				log(`\n[bench] ${row.title}`);
				await row.setup?.();
				const names = Object.keys(row.variants);
				const runs = Object.fromEntries(names.map((variant) => [variant, []]));
				// A warm-up run of each variant (n8n loads node code and compiles on first use), not counted.
				if (!quick && args.warmup !== 'false' && sizeIndex === 0 && latencyIndex === 0)
					for (const variant of names) await row.variants[variant]();
				for (let rep = 0; rep < reps; rep++) {
					const order = names.map((_, i) => names[(i + rep) % names.length]);
					for (const variant of order) {
						const profiled = profiler && rep === 0 && variant !== 'raw';
						if (profiled) await profiler.start();
						const run = await row.variants[variant]();
						if (profiled)
							await profiler.stop(
								path.join(args.profile, `${name}-${size}-${latencyMs}ms-${variant}.cpuprofile`),
							);
						log(`[bench]   ${variant}: ${describeRun(run)}`);
						runs[variant].push(run);
					}
				}
				const summary = {
					...summarize(name, size, row.title, runs),
					server: serverKind,
					latencyMs,
				};
				results.rows.push(summary);
				print(summary);
				// Written after every row, so an interrupted run keeps what it measured.
				if (args.json)
					writeFileSync(
						args.json,
						`${JSON.stringify({ ...results, loadAfter: os.loadavg() }, null, 2)}\n`,
					);
			}
	}
} finally {
	inspector.close();
	await server?.stop();
	await stack.stop();
	if (args.keep === 'true') log(`[bench] kept ${userFolder}`);
	else rmSync(userFolder, { recursive: true, force: true });
}
results.finishedAt = new Date().toISOString();
results.loadAfter = os.loadavg();
if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);

function describeRun(run) {
	const parts = [`${Math.round(run.ms)} ms`, `${run.requests} requests`];
	if (run.connections !== undefined) parts.push(`${run.connections} connections`);
	if (run.executionMs !== undefined) parts.push(`execution ${run.executionMs} ms`);
	if (run.spanMs !== undefined) parts.push(`requests span ${run.spanMs} ms`);
	if (run.memory?.growthMb !== undefined) parts.push(`RSS +${run.memory.growthMb.toFixed(0)} MB`);
	if (run.memory?.heapGrowthMb !== undefined)
		parts.push(`heap+external +${run.memory.heapGrowthMb.toFixed(0)} MB`);
	return parts.join(', ');
}

function summarize(row, size, title, runs) {
	const variants = Object.entries(runs).map(([variant, list]) => ({
		variant,
		requests: list.map((run) => run.requests),
		...(list[0].connections !== undefined && {
			connections: list.map((run) => run.connections),
		}),
		ms: stats(list.map((run) => run.ms)),
		...(list[0].executionMs !== undefined && {
			executionMs: stats(list.map((run) => run.executionMs)),
		}),
		...(list[0].spanMs !== undefined && { spanMs: stats(list.map((run) => run.spanMs)) }),
		...(list[0].memory?.growthMb !== undefined && {
			memoryGrowthMb: stats(list.map((run) => run.memory.growthMb)),
		}),
		...(list[0].memory?.heapGrowthMb !== undefined && {
			heapGrowthMb: stats(list.map((run) => run.memory.heapGrowthMb)),
		}),
	}));
	const median = (name) => variants.find((v) => v.variant === name)?.ms.median;
	const base = median('http') ?? median('getMany');
	return {
		row,
		size,
		title,
		variants,
		ratio: base ? median('pack') / base : undefined,
		ratioRaw: median('raw') ? median('pack') / median('raw') : undefined,
		load: os.loadavg(),
	};
}

function print(summary) {
	const lines = [`\n${summary.title} (${reps} runs; node time, ms)`];
	for (const v of summary.variants) {
		const extra = [];
		if (v.connections) extra.push(`connections ${[...new Set(v.connections)].join('/')}`);
		if (v.executionMs) extra.push(`execution median ${Math.round(v.executionMs.median)}`);
		if (v.spanMs) extra.push(`poll requests span median ${Math.round(v.spanMs.median)}`);
		if (v.heapGrowthMb)
			extra.push(
				`heap+external peak +${v.heapGrowthMb.median.toFixed(0)} MB (${v.heapGrowthMb.min.toFixed(0)}–${v.heapGrowthMb.max.toFixed(0)})`,
			);
		if (v.memoryGrowthMb)
			extra.push(
				`RSS peak +${v.memoryGrowthMb.median.toFixed(0)} MB (${v.memoryGrowthMb.min.toFixed(0)}–${v.memoryGrowthMb.max.toFixed(0)})`,
			);
		lines.push(
			`  ${(LABELS[v.variant] ?? v.variant).padEnd(26)} requests ${String([...new Set(v.requests)].join('/')).padStart(6)}  median ${fmt(v.ms.median)}  min ${fmt(v.ms.min)}  max ${fmt(v.ms.max)}  ${extra.join(', ')}`,
		);
	}
	if (summary.ratio !== undefined)
		lines.push(
			`  ratio pack / ${summary.row === 'trigger' ? 'Get Many' : 'HTTP Request'}: ${summary.ratio.toFixed(2)}×`,
		);
	if (summary.ratioRaw !== undefined)
		lines.push(`  ratio pack / raw fetch loop: ${summary.ratioRaw.toFixed(2)}×`);
	lines.push(`  load average ${summary.load.map((n) => n.toFixed(2)).join(' ')}`);
	console.log(lines.join('\n'));
}

function fmt(ms) {
	return `${Math.round(ms)}`.padStart(7);
}

function machine() {
	return {
		cpus: os.cpus().length,
		model: os.cpus()[0]?.model,
		memGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		loadBefore: os.loadavg(),
	};
}
