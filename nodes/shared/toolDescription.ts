import type { INodeProperties } from 'n8n-workflow';

// n8n 2.41 tells an agent `<operation action> in <node name>` unless the tool node has a Tool
// Description; it adds its own Tool Description parameter only when the node has none. Each operation
// therefore brings one, shown only on the tool node (`@tool`), defaulting to text written for agents.

const PREVIEW_HINT =
	'Changes data at the vendor. To look first, call it with Preview Only on: it validates, then returns the exact request (method, URL, body, idempotency key) and sends nothing that changes state.';
const READ_HINT = 'Read-only: changes nothing, safe to repeat.';

/** What the tool description is made from (an Operation has these). */
interface Described {
	description: string;
	write?: boolean;
	toolDescription?: string;
}

/** The text an agent gets for an operation: its own, or one made from its description. */
export function agentDescription(operation: Described): string {
	if (operation.toolDescription) return operation.toolDescription;
	const what = operation.description.replace(/\.?\s*$/, '.');
	return `${what} ${operation.write ? PREVIEW_HINT : READ_HINT}`;
}

export function toolDescriptionProperty(operation: Described): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: agentDescription(operation),
		displayOptions: { show: { '@tool': [true] } },
		description:
			'What the AI agent is told about this tool. The default is written for this operation: what it does, the ID formats, what it changes and whether repeating it is safe.',
	};
}
