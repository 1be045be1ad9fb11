// The example workflows explain themselves on the canvas: a sticky note says what the example does
// and what to set before using it for real. (What they do is run in n8n by the e2e suite.)
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import { readdirSync, readFileSync } from 'fs';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import path from 'path';
import { repoRoot } from './markdown';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	position: [number, number];
}

const dir = path.join(repoRoot, 'examples');
const examples = readdirSync(dir)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) }));

const STICKY = 'n8n-nodes-base.stickyNote';

describe('Example workflows', () => {
	it('exist', () => {
		expect(examples.length).toBeGreaterThanOrEqual(7);
	});

	it.each(examples.map((example) => [example.file, example.workflow]))(
		'%s has a sticky note: what it does, what to set before using it for real',
		(_file, workflow) => {
			const notes = (workflow.nodes as WorkflowNode[]).filter((node) => node.type === STICKY);
			expect(notes.length).toBeGreaterThanOrEqual(1);
			const text = notes.map((note) => String(note.parameters.content)).join('\n');
			expect(text).toMatch(/^## \S/m);
			expect(text).toContain('**What it does:**');
			expect(text).toMatch(/\*\*Before using it for real:\*\*\n(- .+\n?){1,}/);
			// The user picks their own credential for every vendor node of the example.
			const vendors = (workflow.nodes as WorkflowNode[]).filter((node) =>
				node.type.startsWith('n8n-nodes-fulfillment.'),
			);
			expect(vendors.length).toBeGreaterThan(0);
			expect(text).toMatch(/credential/i);
			// The note sits above the flow, not on top of a node.
			for (const note of notes) {
				const bottom = note.position[1] + Number(note.parameters.height);
				const top = Math.min(
					...(workflow.nodes as WorkflowNode[])
						.filter((node) => node.type !== STICKY)
						.map((node) => node.position[1]),
				);
				expect(bottom).toBeLessThan(top);
			}
		},
	);

	// The newest node version shows the pickers (From List / By ID) and adds the normalized summary.
	it.each(examples.map((example) => [example.file, example.workflow]))(
		'%s uses the newest version of every action node, with its IDs as resource locators',
		(_file, workflow) => {
			for (const node of workflow.nodes as Array<WorkflowNode & { typeVersion: number }>) {
				if (!node.type.startsWith('n8n-nodes-fulfillment.') || node.type.endsWith('Trigger'))
					continue;
				expect({ node: node.name, version: node.typeVersion }).toEqual({
					node: node.name,
					version: 1.1,
				});
				for (const name of ['orderId', 'fulfillmentId', 'sourceFulfillmentId']) {
					const value = node.parameters[name];
					// S2's IDs and the IDs a Create reports are plain text in every version.
					const plain =
						['s2', 's2Tool'].includes(node.type.split('.')[1]) ||
						node.parameters.operation === 'create';
					if (value === undefined || plain) continue;
					expect({ node: node.name, name, value }).toEqual({
						node: node.name,
						name,
						value: expect.objectContaining({
							__rl: true,
							mode: expect.stringMatching(/^(id|list)$/),
						}),
					});
				}
			}
		},
	);

	it.each(examples.map((example) => [example.file, example.workflow]))(
		'%s says "Publish" as n8n 2.x does (and "Activate" only for n8n 1.x)',
		(_file, workflow) => {
			const text = (workflow.nodes as WorkflowNode[])
				.filter((node) => node.type === STICKY)
				.map((note) => String(note.parameters.content))
				.join('\n');
			for (const line of text.split('\n').filter((line) => /activate/i.test(line)))
				expect(line).toMatch(/Publish .*\*Activate\* on n8n 1\.x/);
		},
	);

	it('the SKU.io void example voids only open fulfillments, and a manual run only previews', () => {
		const { workflow } = examples.find(
			(example) => example.file === 'skuio-trigger-bulk-void.json',
		)!;
		const gate = (workflow.nodes as WorkflowNode[]).find((node) => node.name === 'Only Open Ones')!;
		expect(gate.type).toBe('n8n-nodes-base.filter');
		expect(JSON.stringify(gate.parameters)).toContain('voided_at');
		expect(workflow.connections['New Manual Fulfillment'].main[0][0].node).toBe('Only Open Ones');
		expect(workflow.connections['Only Open Ones'].main[0][0].node).toBe('Bulk Void');
		// A manual run's sample is whatever is newest: it only previews the void.
		const bulkVoid = (workflow.nodes as WorkflowNode[]).find((node) => node.name === 'Bulk Void')!;
		expect(bulkVoid.parameters.options).toMatchObject({
			previewOnly: "={{ $execution.mode === 'test' }}",
		});
	});

	it('the ShipperOne example ships only the orders it accepted', () => {
		const { workflow } = examples.find(
			(example) => example.file === 'shipperone-accept-and-ship.json',
		)!;
		const into = (target: string) =>
			Object.entries(
				workflow.connections as Record<string, { main: Array<Array<{ node: string }>> }>,
			)
				.filter(([, outputs]) =>
					outputs.main.flat().some((connection) => connection.node === target),
				)
				.map(([source]) => source);
		const [gate] = into('Ship with Tracking');
		const gateNode = (workflow.nodes as WorkflowNode[]).find((node) => node.name === gate)!;
		expect(gateNode.type).toBe('n8n-nodes-base.filter');
		expect(JSON.stringify(gateNode.parameters)).toContain("$('Accept All Items')");
	});
});
