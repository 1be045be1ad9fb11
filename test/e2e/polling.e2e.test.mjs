// Polling triggers once their workflow is active: n8n polls on its own schedule (at most once a
// minute), and each new sandbox item must start exactly one execution (see support/active.mjs).
import { beforeAll, describe, expect, test } from '@jest/globals';
import { activeSubjects, pollingTypes, runActiveCases } from './support/active.mjs';
import { connect, loadCase } from './support/e2e.mjs';

let ctx;
let subjects;

beforeAll(async () => {
	ctx = await connect();
	subjects = await activeSubjects(ctx);
});

describe('polling triggers in an active workflow', () => {
	test('every polling trigger of the pack has an example with an active case', async () => {
		const covered = new Set();
		for (const example of ctx.examples) {
			const kase = await loadCase(example.slug);
			if (kase.active) for (const node of example.workflow.nodes) covered.add(node.type);
		}
		expect(pollingTypes().filter((type) => !covered.has(type))).toEqual([]);
	});

	test('emit each new sandbox item exactly once', async () => {
		expect(subjects.length).toBeGreaterThan(0);
		await runActiveCases(ctx, subjects, { expect });
	});
});
