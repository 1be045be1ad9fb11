import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';
import { packNodeTypes, packOperations } from '../support/pack';

const NODES = packOperations();

/** The tool variant of a node's description, as n8n 2.41 builds it for `usableAsTool` nodes. */
function asTool(description: INodeTypeDescription): INodeTypeDescription {
	return {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
	};
}

function descriptionOf(name: string): INodeTypeDescription {
	for (const type of packNodeTypes()) {
		const description = NodeHelpers.getVersionedNodeType(type).description as INodeTypeDescription;
		if (description.name === name) return description;
	}
	throw new Error(`no node ${name}`);
}

/**
 * A node of `description` for one operation, with the defaults n8n fills in when it loads the
 * workflow (the Workflow constructor does the same).
 */
function loadedNode(
	name: string,
	description: INodeTypeDescription,
	op: { resource: string; value: string },
): INode {
	const node: INode = {
		id: '1',
		name,
		type: `n8n-nodes-fulfillment.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: op.resource, operation: op.value },
	};
	node.parameters = NodeHelpers.getNodeParameters(
		description.properties,
		node.parameters,
		true,
		false,
		node,
		description,
	)!;
	return node;
}

describe('Tool descriptions written for agents', () => {
	it.each(
		NODES.flatMap(([node, ops]) =>
			ops.map((op) => [`${node} ${op.resource} ${op.value}`, node, op] as const),
		),
	)("%s: what an agent is told is the operation's own text", (_name, nodeName, op) => {
		expect(op.toolDescription?.length).toBeGreaterThan(80);
		expect(op.toolDescription).toMatch(
			op.write ? /Preview Only/ : /Read-only: changes nothing, safe to repeat\./,
		);
		expect(op.toolDescription).toMatch(
			/safe to repeat|Safe to repeat|Not safe to repeat|Creates a record|creates another/,
		);

		const description = asTool(descriptionOf(nodeName));
		const node = loadedNode('Tool', description, op);
		expect(node.parameters.toolDescription).toBe(op.toolDescription);
		const told = NodeHelpers.getToolDescriptionForNode(node, { description } as never);
		expect(told).toBe(op.toolDescription);
	});

	it('the plain (non-tool) node has no Tool Description parameter', () => {
		for (const [nodeName, ops] of NODES) {
			const description = descriptionOf(nodeName);
			const { parameters } = loadedNode('Node', description, ops[0]);
			expect(parameters).not.toHaveProperty('toolDescription');
		}
	});
});
