import type { IDataObject, INode } from 'n8n-workflow';

/** A node of an example workflow (`examples/*.json`), by name. */
export function exampleNode(workflow: { nodes: Array<{ name: string }> }, name: string): INode {
	return workflow.nodes.find((node) => node.name === name) as unknown as INode;
}

/** The values an example's Set node produces, as one input item. */
export function setNodeValues(node: INode): IDataObject {
	const { assignments } = node.parameters.assignments as {
		assignments: Array<{ name: string; value: unknown }>;
	};
	return Object.fromEntries(assignments.map(({ name, value }) => [name, value])) as IDataObject;
}
