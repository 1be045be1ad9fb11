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
