/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test code, not shipped */
// scripts/migrate-workflow.mjs moves a workflow between the all-in-one pack and a vendor package:
// only the node type prefix changes, both ways.
import { readdirSync } from 'fs';
import path from 'path';
import { readJson, repoRoot, runScript, vendors } from './run';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: unknown;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: unknown;
}

const examplesDir = path.join(repoRoot, 'examples');
const exampleFiles = readdirSync(examplesDir).filter((file) => file.endsWith('.json'));
const example = (file: string): Workflow => readJson(path.join(examplesDir, file));

function migrate(to: string, workflow: Workflow) {
	const result = runScript('migrate-workflow.mjs', ['--to', to], JSON.stringify(workflow));
	if (result.status !== 0) throw new Error(`migrate-workflow failed: ${result.stderr}`);
	return { workflow: JSON.parse(result.stdout) as Workflow, stderr: result.stderr };
}

const without = (workflow: Workflow) => ({
	...workflow,
	nodes: workflow.nodes.map((node) => ({ ...node, type: undefined })),
});

describe('migrate-workflow', () => {
	it('moves a vendor example to its package: the type prefix only, credentials untouched', () => {
		const original = example('sellfern-trigger-assign-ship.json');
		const { workflow } = migrate('n8n-nodes-sellfern', original);
		expect(
			workflow.nodes.map((node) => node.type).filter((type) => !type.startsWith('n8n-nodes-base.')),
		).toEqual(
			[
				'n8n-nodes-sellfern.sellfernTrigger',
				'n8n-nodes-sellfern.sellfern',
				'n8n-nodes-sellfern.sellfern',
			].sort(() => 0),
		);
		expect(without(workflow)).toEqual(without(original));
	});

	it('reads a file argument as well as stdin', () => {
		const result = runScript('migrate-workflow.mjs', [
			'--to',
			'n8n-nodes-s2',
			path.join(examplesDir, 's2-fulfill-and-track.json'),
		]);
		expect(result.status).toBe(0);
		const types = (JSON.parse(result.stdout) as Workflow).nodes.map((node) => node.type);
		expect(types.filter((type) => type.includes('.s2'))).toEqual([
			'n8n-nodes-s2.s2',
			'n8n-nodes-s2.s2',
		]);
	});

	it.each(exampleFiles)('%s goes to the vendor packages and back unchanged', (file) => {
		const original = example(file);
		const there = migrate('vendors', original).workflow;
		for (const node of there.nodes) expect(node.type).not.toMatch(/^n8n-nodes-fulfillment\./);
		expect(migrate('n8n-nodes-fulfillment', there).workflow).toEqual(original);
	});

	it('moves AI tool variants too, and leaves (and names) the nodes the target does not hold', () => {
		const { workflow, stderr } = migrate('n8n-nodes-shipperone', example('agent-mcp-tools.json'));
		const types = workflow.nodes.map((node) => node.type);
		expect(types).toContain('n8n-nodes-shipperone.shipperOneTool');
		expect(types).toContain('n8n-nodes-fulfillment.sellfernTool');
		expect(types).not.toContain('n8n-nodes-fulfillment.shipperOneTool');
		expect(stderr).toMatch(/left "Sellfern Get Queue" as n8n-nodes-fulfillment\.sellfernTool/);
	});

	it('moves a node of one vendor package to another vendor package never', () => {
		const onS2 = migrate('n8n-nodes-s2', example('s2-fulfill-and-track.json')).workflow;
		const { workflow } = migrate('n8n-nodes-sellfern', onS2);
		expect(workflow).toEqual(onS2);
	});

	it('refuses an unknown package and a file that is not a workflow', () => {
		const unknown = runScript('migrate-workflow.mjs', ['--to', 'n8n-nodes-nope'], '{"nodes":[]}');
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toMatch(/--to n8n-nodes-nope: not one of our packages/);
		const notJson = runScript('migrate-workflow.mjs', ['--to', 'vendors'], 'nope');
		expect(notJson.status).toBe(1);
		expect(notJson.stderr).toMatch(/is not JSON/);
		const noNodes = runScript('migrate-workflow.mjs', ['--to', 'vendors'], '{"name":"x"}');
		expect(noNodes.status).toBe(1);
		expect(noNodes.stderr).toMatch(/no "nodes" list/);
	});

	it.each(vendors().map((vendor) => [vendor.name, vendor]))(
		'%s: the node types it moves are the ones its nodes declare',
		(_name, vendor) => {
			const declared = vendor.n8n.nodes.map((file) => {
				// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built node, as n8n loads it
				const module = require(path.join(repoRoot, file));
				const NodeClass = Object.values(module)[0] as new () => { description: { name: string } };
				return new NodeClass().description.name;
			});
			expect(declared.sort()).toEqual([...vendor.nodeTypes].sort());
		},
	);
});
