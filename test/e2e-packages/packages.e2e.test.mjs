// The packages as users install them (`npm run pack:all` tarballs, `npm install` in a fresh n8n
// user folder): each vendor package alone loads its nodes, trigger, tool variant, credential and
// icon, passes its credential test against the sandbox and runs its examples (moved to the
// package with scripts/migrate-workflow.mjs); then all five beside the all-in-one pack load without
// clashing, and one credential serves both packages' nodes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { migrateWorkflow } from '../../scripts/migrate-workflow.mjs';
import { buildPack } from '../../scripts/n8n/pack.mjs';
import { loadExamples } from '../../scripts/n8n/provision.mjs';
import { startSandboxProcess } from '../../scripts/n8n/sandbox.mjs';
import { startStack } from '../../scripts/n8n/stack.mjs';
import { packAll, rootPackage, vendorPackages } from '../../scripts/pack-all.mjs';
import {
	describeFailure,
	loadCase,
	runnableNodes,
	runWorkflow,
	startNodes,
	writtenEntities,
} from '../e2e/support/e2e.mjs';

const log = (line) => process.stderr.write(`${line}\n`);
const N8N_VERSION = '2.41.1';
// CI splits the e2e suites by n8n version (FULFILLMENT_E2E_VERSIONS): this one belongs to 2.41.1.
const wanted =
	!process.env.FULFILLMENT_E2E_VERSIONS ||
	process.env.FULFILLMENT_E2E_VERSIONS.split(',').includes(N8N_VERSION);
const ALL_IN_ONE = rootPackage().name;
const vendors = vendorPackages();

/** The examples whose every node of ours belongs to `vendor`, moved to its package. */
function vendorExamples(vendor) {
	return loadExamples().flatMap((example) => {
		const { workflow, moved, left } = migrateWorkflow(example.workflow, vendor.name);
		return moved.length > 0 && left.length === 0 ? [{ ...example, workflow }] : [];
	});
}

(wanted ? describe : describe.skip)(`the packages in n8n ${N8N_VERSION}`, () => {
	let work;
	let sandbox;
	let tarballs;

	beforeAll(async () => {
		work = mkdtempSync(path.join(os.tmpdir(), 'n8n-fulfillment-packages-'));
		if (process.env.FULFILLMENT_E2E_SKIP_BUILD !== '1') buildPack({ log });
		tarballs = Object.fromEntries(
			packAll(path.join(work, 'tarballs'), { log }).map(({ name, tarball }) => [name, tarball]),
		);
		sandbox = await startSandboxProcess({ logFile: path.join(work, 'sandbox.log') });
	}, 300_000);

	afterAll(async () => {
		await sandbox?.stop();
		if (work && process.env.FULFILLMENT_E2E_KEEP !== '1')
			rmSync(work, { recursive: true, force: true });
		else if (work) log(`[e2e-packages] kept ${work}`);
	});

	async function start(name, packages, examples) {
		const userFolder = mkdtempSync(path.join(os.tmpdir(), `n8n-${name}-`));
		try {
			return await startStack({
				userFolder,
				packages: packages.map((packageName) => ({
					name: packageName,
					tarball: tarballs[packageName],
				})),
				sandbox,
				examples,
				build: false,
				log,
			});
		} catch (error) {
			log(`[e2e-packages] ${name}: n8n log kept in ${userFolder}`);
			throw error;
		}
	}

	async function stop(stack) {
		if (!stack) return;
		await stack.stop();
		if (process.env.FULFILLMENT_E2E_KEEP !== '1')
			rmSync(stack.userFolder, { recursive: true, force: true });
	}

	/** Runs an imported example as its e2e case says, and checks what the case checks. */
	async function runExample(stack, imported) {
		const kase = await loadCase(imported.slug);
		const starts = startNodes(imported.workflow);
		const trigger = kase.trigger ?? starts[0].name;
		const prepared = await kase.prepare?.({ sandbox: sandbox.control, client: stack.client });
		const ledgerSince = await sandbox.control.ledgerMark();
		const execution = await runWorkflow(stack.client, imported.id, trigger);
		if (execution.status !== 'success')
			throw new Error(`${imported.slug} did not succeed:\n${describeFailure(execution)}`);
		expect(execution.ranNodes.sort()).toEqual(
			runnableNodes(imported.workflow)
				.map((node) => node.name)
				.sort(),
		);
		await kase.verify({
			execution,
			sandbox: sandbox.control,
			client: stack.client,
			ledgerSince,
			prepared,
			expect,
		});
		const meant = [...new Set(await kase.touches({ execution, prepared }))].sort();
		expect(await writtenEntities(sandbox.control, ledgerSince)).toEqual(meant);
		return execution;
	}

	async function fetchIcon(stack, iconUrl) {
		const response = await fetch(`${stack.n8n.url}/${iconUrl}`);
		return { status: response.status, svg: (await response.text()).includes('<svg') };
	}

	describe.each(vendors.map((vendor) => [vendor.name, vendor]))(
		'%s installed alone',
		(name, vendor) => {
			const examples = vendorExamples(vendor);
			let stack;
			beforeAll(async () => {
				stack = await start(name, [name], examples);
			}, 300_000);
			afterAll(() => stop(stack));

			test('n8n loads its nodes, trigger, tool variant, credential and icons, and nothing else of ours', async () => {
				const ours = (await stack.client.nodeTypes()).filter((node) =>
					/^n8n-nodes-(fulfillment|sellfern|shipperone|skuio|s2|orderprotection)\./.test(node.name),
				);
				const actions = vendor.nodeTypes.filter((type) => !type.endsWith('Trigger'));
				const expected = [...vendor.nodeTypes, ...actions.map((type) => `${type}Tool`)].map(
					(type) => `${name}.${type}`,
				);
				expect(ours.map((node) => node.name).sort()).toEqual(expected.sort());
				if (vendor.nodeTypes.some((type) => type.endsWith('Trigger')))
					expect(ours.filter((node) => node.polling).length).toBeGreaterThan(0);
				for (const node of ours) {
					expect({ node: node.name, icon: await fetchIcon(stack, node.iconUrl.light) }).toEqual({
						node: node.name,
						icon: { status: 200, svg: true },
					});
				}
				const credentialNames = stack.types.credentials.map((credential) => credential.name);
				expect(credentialNames).toHaveLength(vendor.n8n.credentials.length);
				for (const credential of stack.types.credentials)
					expect(await fetchIcon(stack, credential.iconUrl.light)).toEqual({
						status: 200,
						svg: true,
					});
			});

			test('its credential test passes against the sandbox and fails with a wrong secret', async () => {
				expect(stack.credentialProblems).toEqual([]);
				expect(stack.credentials).toHaveLength(vendor.n8n.credentials.length);
				for (const { id, name: label, type, data, secretFields } of stack.credentials) {
					expect(await stack.client.testCredential({ id, name: label, type, data })).toMatchObject({
						status: 'OK',
					});
					const [field] = secretFields;
					const wrong = { ...data, [field]: `wrong-${data[field] ?? 'secret'}` };
					expect(
						await stack.client.testCredential({ id, name: label, type, data: wrong }),
					).toMatchObject({ status: 'Error' });
				}
			});

			test.each(examples.map((example) => [example.slug]))(
				'example %s, moved to the package, runs green',
				async (slug) => {
					const imported = stack.workflows.find((workflow) => workflow.slug === slug);
					const stored = await stack.client.getWorkflow(imported.id);
					const types = stored.nodes
						.map((node) => node.type)
						.filter((type) => !type.startsWith('n8n-nodes-base.'));
					expect(types.every((type) => type.startsWith(`${name}.`))).toBe(true);
					await runExample(stack, imported);
				},
			);

			test('has at least one example of its own', () => expect(examples.length).toBeGreaterThan(0));
		},
	);

	describe('all five vendor packages beside the all-in-one pack', () => {
		const packages = [ALL_IN_ONE, ...vendors.map((vendor) => vendor.name)];
		const original = loadExamples().find((example) => example.slug === 'sellfern-bulk-assign');
		const moved = {
			...original,
			workflow: {
				...migrateWorkflow(original.workflow, 'n8n-nodes-sellfern').workflow,
				name: `${original.workflow.name} (n8n-nodes-sellfern)`,
			},
		};
		const twoVendors = loadExamples().find((example) => example.slug === 'two-vendors-normalized');
		const split = {
			...twoVendors,
			workflow: {
				...migrateWorkflow(twoVendors.workflow, 'vendors').workflow,
				name: `${twoVendors.workflow.name} (vendor packages)`,
			},
		};
		let stack;
		beforeAll(async () => {
			stack = await start('side-by-side', packages, [original, moved, split]);
		}, 300_000);
		afterAll(() => stop(stack));

		test('every package loads all its nodes', async () => {
			const all = (await stack.client.nodeTypes()).map((node) => node.name);
			const expected = (pkgName, nodeTypes) =>
				nodeTypes.flatMap((type) =>
					type.endsWith('Trigger')
						? [`${pkgName}.${type}`]
						: [`${pkgName}.${type}`, `${pkgName}.${type}Tool`],
				);
			for (const vendor of vendors) {
				for (const type of expected(vendor.name, vendor.nodeTypes)) expect(all).toContain(type);
				for (const type of expected(ALL_IN_ONE, vendor.nodeTypes)) expect(all).toContain(type);
			}
			const log = readFileSync(path.join(stack.userFolder, 'n8n.log'), 'utf8');
			expect(log).not.toMatch(/error.*(load|install).*n8n-nodes-/i);
		});

		test('each credential type is one type for both packages', async () => {
			const credentialTypes = await stack.client.credentialTypes();
			for (const vendor of vendors) {
				const type = stack.credentials.find((credential) => credential.vendor === vendor.dir);
				expect(type).toBeDefined();
				const listed = credentialTypes.filter((candidate) => candidate.name === type.type);
				// n8n lists a type once per package that declares it, and uses one definition (docs/packages.md).
				expect(listed).toHaveLength(2);
			}
			expect(stack.credentialProblems).toEqual([]);
		});

		test('an example moved from the all-in-one to the vendor package runs with the same credential, and so does the original', async () => {
			const [allInOne, vendorOne] = [original.workflow.name, moved.workflow.name].map((name) =>
				stack.workflows.find((workflow) => workflow.name === name),
			);
			const credentialOf = async (id) =>
				(await stack.client.getWorkflow(id)).nodes
					.filter((node) => node.credentials)
					.map((node) => [node.type.split('.')[0], Object.values(node.credentials)[0].id]);
			const before = await credentialOf(allInOne.id);
			const after = await credentialOf(vendorOne.id);
			expect(before.every(([pkg]) => pkg === ALL_IN_ONE)).toBe(true);
			expect(after.every(([pkg]) => pkg === 'n8n-nodes-sellfern')).toBe(true);
			expect(new Set([...before, ...after].map(([, id]) => id)).size).toBe(1);
			await runExample(stack, { ...vendorOne, slug: original.slug, workflow: moved.workflow });
			await runExample(stack, { ...allInOne, slug: original.slug, workflow: original.workflow });
		});

		test('a workflow using two vendor packages at once runs green', async () => {
			const imported = stack.workflows.find((workflow) => workflow.name === split.workflow.name);
			await runExample(stack, { ...imported, slug: twoVendors.slug, workflow: split.workflow });
		});
	});
});
