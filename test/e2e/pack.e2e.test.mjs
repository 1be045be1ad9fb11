// The pack inside a real n8n: installed as users install a community package, every node and
// credential type loaded, and its runtime imports (zod, n8n-workflow) resolved to n8n's own modules.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { N8N_VERSION } from '../../scripts/n8n/install.mjs';
import { repoRoot } from '../../scripts/paths.mjs';
import {
	connect,
	declaredPackTypes,
	installedPack,
	lockedVersion,
	runWorkflow,
} from './support/e2e.mjs';

let ctx;
let declared;
beforeAll(async () => {
	ctx = await connect();
	declared = declaredPackTypes();
});

/** `/x/node_modules/@scope/name/lib/a.js` → `/x/node_modules/@scope/name`. */
function packageFolder(file) {
	const parts = file.split(path.sep);
	const at = parts.lastIndexOf('node_modules');
	if (at < 0) return path.dirname(file);
	return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join(path.sep);
}
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const PEER_COPIES =
	'npm ≥ 7 installs peer dependencies: `npm install <the pack>` in ~/.n8n/nodes puts the latest n8n-workflow ' +
	"(with zod and ~50 other packages) beside the pack, and the pack then loads those instead of n8n's own. " +
	'Fix in package.json: "peerDependenciesMeta": { "n8n-workflow": { "optional": true } }.';

describe('the pack in n8n', () => {
	test('n8n lists every node type and credential type of package.json', async () => {
		const { packageName } = ctx.info;
		const nodeTypes = await ctx.client.nodeTypes();
		const loaded = new Set(nodeTypes.map((node) => node.name));
		const missingNodes = declared.nodes
			.map((node) => `${packageName}.${node.name}`)
			.filter((name) => !loaded.has(name));
		expect(missingNodes).toEqual([]);
		// Polling triggers keep their polling flag (n8n adds the Poll Times parameter to them).
		for (const node of declared.nodes.filter((candidate) => candidate.polling)) {
			const type = nodeTypes.find((candidate) => candidate.name === `${packageName}.${node.name}`);
			expect(type.polling).toBe(true);
			expect(type.properties.map((property) => property.name)).toContain('pollTimes');
		}

		const credentialTypes = new Set(
			(await ctx.client.credentialTypes()).map((credential) => credential.name),
		);
		expect(
			declared.credentials
				.map((credential) => credential.name)
				.filter((name) => !credentialTypes.has(name)),
		).toEqual([]);
	});

	test('n8n read every node\'s codex: the nodes panel finds each by "fulfillment" and links its docs page', async () => {
		const { packageName } = ctx.info;
		const nodeTypes = await ctx.client.nodeTypes();
		for (const node of declared.nodes) {
			const type = nodeTypes.find(
				(candidate) => candidate.name === `${packageName}.${node.name}` && candidate.codex,
			);
			expect({ node: node.name, codex: Boolean(type) }).toEqual({ node: node.name, codex: true });
			expect(type.codex.alias.map((alias) => alias.toLowerCase())).toContain('fulfillment');
			expect(type.codex.categories).toContain('Sales');
			expect(type.codex.resources.primaryDocumentation[0].url).toMatch(
				/\/blob\/main\/docs\/[a-z0-9]+\.md#(operations|trigger)$/,
			);
		}
	});

	test("it is npm-installed into the user folder's nodes/ like a community package, and only there", () => {
		const { userFolder, packageDir, packageName } = ctx.info;
		const nodes = path.join(userFolder, '.n8n', 'nodes');
		expect(packageDir).toBe(path.join(nodes, 'node_modules', packageName));
		const repoPackage = readJson(path.join(repoRoot, 'package.json'));
		expect(readJson(path.join(packageDir, 'package.json'))).toMatchObject({
			name: packageName,
			version: repoPackage.version,
		});
		// `npm install <tarball>` recorded it as a dependency of the nodes folder, as n8n's own installer does.
		expect(Object.keys(readJson(path.join(nodes, 'package.json')).dependencies)).toContain(
			packageName,
		);
		// Only the published files: no sources, no tests.
		expect(existsSync(path.join(packageDir, 'dist'))).toBe(true);
		expect(existsSync(path.join(packageDir, 'nodes'))).toBe(false);
		// No other place n8n loads nodes from is in use.
		expect(existsSync(path.join(userFolder, '.n8n', 'custom'))).toBe(false);
	});

	test('it brings no copy of zod or n8n-workflow: n8n provides them', () => {
		const { userFolder, packageDir } = ctx.info;
		const nodeModules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
		const copies = ['zod', 'n8n-workflow']
			.flatMap((name) => [
				path.join(packageDir, 'node_modules', name),
				path.join(nodeModules, name),
			])
			.filter((dir) => existsSync(dir));
		if (copies.length) throw new Error(`${PEER_COPIES}\nFound: ${copies.join(', ')}`);
	});

	test("its runtime imports resolve to n8n's own modules, at the versions we build against", () => {
		const { packageDir, n8nInstall } = ctx.info;
		const { loaded, zod, n8nWorkflow, stderr } = installedPack();
		expect(stderr).toBe('');

		// Node reports loaded files by their real path: compare real paths, so a cache folder reached
		// through a symbolic link (e.g. ~/.cache linked to a bigger disk) is still "inside".
		const inside = (dir) => {
			const real = realpathSync(dir);
			return (file) => realpathSync(file).startsWith(real + path.sep);
		};
		const inPack = inside(packageDir);
		const inN8n = inside(n8nInstall.dir);
		// Reported by package folder, not by file.
		const strays = [
			...new Set(loaded.filter((file) => !inPack(file) && !inN8n(file)).map(packageFolder)),
		];
		if (strays.length)
			throw new Error(
				`The pack loaded modules from outside n8n. ${PEER_COPIES}\nLoaded from: ${strays.slice(0, 5).join(', ')}${strays.length > 5 ? ` and ${strays.length - 5} more` : ''}`,
			);

		expect(zod).not.toBeNull();
		expect(inN8n(zod.dir)).toBe(true);
		expect(n8nWorkflow).not.toBeNull();
		expect(inN8n(n8nWorkflow.dir)).toBe(true);
		const n8nCore = readJson(
			path.join(n8nInstall.dir, 'node_modules', 'n8n-core', 'package.json'),
		).version;
		if (n8nInstall.version === N8N_VERSION) {
			// The n8n we build against: exactly our lock's versions, so the in-process harness tests
			// the same engine n8n runs.
			expect(zod.version).toBe(lockedVersion('zod'));
			expect(n8nWorkflow.version).toBe(lockedVersion('n8n-workflow'));
			expect(n8nCore).toBe(lockedVersion('n8n-core'));
		} else {
			// Another supported n8n: its own n8n-workflow (the line of its n8n-core), and zod 3.
			expect(n8nWorkflow.version.split('.')[0]).toBe(n8nCore.split('.')[0]);
			expect(zod.version).toMatch(/^3\./);
		}
	});

	test('inside n8n, an operation validates its input with zod before sending anything', async () => {
		const { packageName, packageDir } = ctx.info;
		const credential = ctx.info.credentials[0];
		// Any node of the pack: invalid parameters must stop it with its own message, naming the field.
		const node = declared.nodes.find(
			(candidate) => !candidate.polling && candidate.credentials.includes(credential.type),
		);
		const type = `${packageName}.${node.name}`;
		const { properties } = (await ctx.client.nodeTypes()).find(
			(candidate) => candidate.name === type,
		);
		const workflow = await ctx.client.createWorkflow({
			name: `e2e: zod validation ${Date.now()}`,
			nodes: [
				{
					id: 'a0000000-0000-4000-8000-000000000001',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'a0000000-0000-4000-8000-000000000002',
					name: 'Invalid',
					type,
					typeVersion: 1,
					position: [240, 0],
					parameters: invalidParameters(properties),
					credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				},
			],
			connections: { Start: { main: [[{ node: 'Invalid', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		});
		try {
			const since = await ctx.sandbox.ledgerMark();
			const execution = await runWorkflow(ctx.client, workflow.id, 'Start');
			expect(execution.status).toBe('error');
			expect(execution.error).toMatchObject({ name: 'NodeOperationError', node: 'Invalid' });
			expect(execution.error.message).toMatch(/ must be .*\[item 0\]$/);
			// The code that ran is the installed package's.
			expect(execution.data.resultData.error.stack).toContain(packageDir);
			expect(
				await ctx.sandbox.ledger({ vendor: credential.vendor, type: 'request', since }),
			).toEqual([]);
		} finally {
			await ctx.client.archiveWorkflow(workflow.id).catch(() => undefined);
			await ctx.client.deleteWorkflow(workflow.id).catch(() => undefined);
		}
	});
});

/**
 * Parameters for the node's first resource/operation that has a required text field, with every
 * required text field set to "not a number!": n8n sees nothing missing, but the operation's own
 * validation must refuse the ID fields.
 */
function invalidParameters(properties) {
	const resource = properties.find((property) => property.name === 'resource');
	for (const { value: resourceValue } of resource?.options ?? [{ value: undefined }]) {
		const operation = properties.find(
			(property) =>
				property.name === 'operation' &&
				(!resourceValue || property.displayOptions?.show?.resource?.includes(resourceValue)),
		);
		for (const { value: operationValue } of operation?.options ?? []) {
			const shown = (property) =>
				(!property.displayOptions?.show?.resource ||
					property.displayOptions.show.resource.includes(resourceValue)) &&
				(!property.displayOptions?.show?.operation ||
					property.displayOptions.show.operation.includes(operationValue));
			const required = properties.filter(
				(property) => shown(property) && property.required && property.type === 'string',
			);
			if (required.length === 0) continue;
			return {
				...(resourceValue !== undefined && { resource: resourceValue }),
				operation: operationValue,
				...Object.fromEntries(required.map((property) => [property.name, 'not a number!'])),
			};
		}
	}
	throw new Error('no operation with a required text field to validate');
}
