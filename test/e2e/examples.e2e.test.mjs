// Every example workflow imports into n8n, runs through n8n's own execution (REST, like the
// editor's "Execute workflow") against the sandbox, and does what its case says.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { repoRoot } from '../../scripts/paths.mjs';
import {
	connect,
	declaredPackTypes,
	describeFailure,
	exampleFiles,
	loadCase,
	runnableNodes,
	runWorkflow,
	startNodes,
	writtenEntities,
} from './support/e2e.mjs';

let ctx;
beforeAll(async () => {
	ctx = await connect();
});

describe('example workflows', () => {
	test('every node of the pack is used by at least one example', () => {
		const used = new Set(
			exampleFiles().flatMap((example) => example.workflow.nodes.map((node) => node.type)),
		);
		const { nodes } = declaredPackTypes();
		const packageName = JSON.parse(process.env.FULFILLMENT_E2E).packageName;
		const unused = nodes
			.map((node) => `${packageName}.${node.name}`)
			.filter((type) => !used.has(type));
		expect(unused).toEqual([]);
	});

	test('each imported into n8n with the sandbox credential of every type it uses', async () => {
		const byType = Object.fromEntries(
			ctx.info.credentials.map((credential) => [credential.type, credential]),
		);
		for (const example of ctx.examples) {
			expect(example.id).toBeDefined();
			const stored = await ctx.client.getWorkflow(example.id);
			expect(stored.name).toBe(example.workflow.name);
			for (const node of stored.nodes.filter((node) => node.credentials)) {
				for (const [type, reference] of Object.entries(node.credentials)) {
					expect({ node: node.name, type, id: reference.id }).toEqual({
						node: node.name,
						type,
						id: byType[type]?.id,
					});
				}
			}
		}
	});

	test.each(exampleFiles().map((example) => [example.slug]))(
		'%s runs in n8n and does what it shows',
		async (slug) => {
			const example = ctx.examples.find((candidate) => candidate.slug === slug);
			const kase = await loadCase(slug);
			if (kase.runBy) {
				// Started by something else than a manual run (e.g. MCP clients): that test file runs it.
				expect(existsSync(path.join(repoRoot, 'test', 'e2e', kase.runBy))).toBe(true);
				return;
			}
			const starts = startNodes(example.workflow);
			const trigger = kase.trigger ?? (starts.length === 1 ? starts[0].name : undefined);
			if (!trigger)
				throw new Error(
					`${slug} has several start nodes (${starts.map((node) => node.name).join(', ')}): name one as "trigger" in its case`,
				);

			const prepared = await kase.prepare?.({ sandbox: ctx.sandbox, client: ctx.client });
			const ledgerSince = await ctx.sandbox.ledgerMark();
			const execution = await runWorkflow(ctx.client, example.id, trigger);

			if (execution.status !== 'success')
				throw new Error(`${slug} did not succeed:\n${describeFailure(execution)}`);
			expect(execution.mode).toBe('manual');
			const enabled = runnableNodes(example.workflow).map((node) => node.name);
			expect(execution.ranNodes.sort()).toEqual(enabled.sort());

			await kase.verify({
				execution,
				sandbox: ctx.sandbox,
				client: ctx.client,
				ledgerSince,
				prepared,
				expect,
			});

			// Safe to copy: the run wrote exactly what the example was meant to touch (what it created or
			// was given), nothing else in the vendor's account.
			if (typeof kase.touches !== 'function')
				throw new Error(
					`test/e2e/cases/${slug}.case.mjs has no touches(): say what the example may write`,
				);
			const meant = [...new Set(await kase.touches({ execution, prepared }))].sort();
			// Only an example declared read-only may write nothing.
			if (!kase.readOnly) expect(meant.length).toBeGreaterThan(0);
			expect(await writtenEntities(ctx.sandbox, ledgerSince)).toEqual(meant);

			// Run again, twice, without preparing anything: a newcomer clicks "Execute workflow" more
			// than once. Each run succeeds and writes only data made for the example (`own`, by default
			// what the first run touched), never another record of the account.
			const own = [...new Set(await (kase.own ?? kase.touches)({ execution, prepared }))];
			for (const round of [2, 3]) {
				const since = await ctx.sandbox.ledgerMark();
				const again = await runWorkflow(ctx.client, example.id, trigger);
				if (again.status !== 'success')
					throw new Error(`${slug} run ${round} did not succeed:\n${describeFailure(again)}`);
				const outside = (await writtenEntities(ctx.sandbox, since)).filter(
					(entity) => !own.includes(entity),
				);
				expect({ slug, round, outside }).toEqual({ slug, round, outside: [] });
				await kase.verifyRerun?.({
					execution: again,
					sandbox: ctx.sandbox,
					ledgerSince: since,
					prepared,
					round,
					expect,
				});
			}
		},
	);
});
