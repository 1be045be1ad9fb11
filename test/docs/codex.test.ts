// The codex files (`<Node>.node.json`) that n8n's nodes panel reads: valid, tied to their node,
// in n8n's own categories, and with the aliases users type when they look for a fulfillment node.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import { readFileSync } from 'fs';
import type { INodeType } from 'n8n-workflow';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- a test reading the repository, never shipped
import path from 'path';
import { packNodeTypes } from '../support/pack';
import { repoRoot } from './markdown';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** The categories of n8n's nodes panel (n8n-io/n8n nodes-base codex files use only these). */
const N8N_CATEGORIES = new Set([
	'AI',
	'Analytics',
	'Communication',
	'Core Nodes',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'HITL',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
]);

const KEYS = [
	'node',
	'nodeVersion',
	'codexVersion',
	'categories',
	'subcategories',
	'resources',
	'alias',
];

interface Codex {
	node: string;
	nodeVersion: string;
	codexVersion: string;
	categories: string[];
	subcategories?: Record<string, string[]>;
	resources: Record<string, Array<{ url: string }>>;
	alias: string[];
}

const nodeTypes = packNodeTypes();
const nodes = (pkg.n8n.nodes as string[]).map((built, index) => {
	const source = built.replace(/^dist\//, '').replace(/\.node\.js$/, '.node');
	const { description } = nodeTypes[index] as INodeType;
	const codex = JSON.parse(readFileSync(path.join(repoRoot, `${source}.json`), 'utf8')) as Codex;
	return { file: `${source}.json`, description, codex };
});

/** What n8n's nodes panel search looks at: the display name and the codex aliases. */
function found(search: string, node: (typeof nodes)[number]): boolean {
	const words = [node.description.displayName, ...node.codex.alias].map((word) =>
		word.toLowerCase(),
	);
	return words.some((word) => word.includes(search.toLowerCase()));
}

describe('Codex files', () => {
	it('exist for every node of package.json', () => {
		expect(nodes).toHaveLength(pkg.n8n.nodes.length);
		expect(nodes.length).toBeGreaterThanOrEqual(8);
	});

	it.each(nodes.map((node) => [node.file, node]))(
		'%s is a valid codex of its node',
		(_file, node) => {
			const { codex, description } = node as (typeof nodes)[number];
			expect(Object.keys(codex).filter((key) => !KEYS.includes(key))).toEqual([]);
			expect(codex.node).toBe(`${pkg.name}.${description.name}`);
			expect(codex.nodeVersion).toBe('1.0');
			expect(codex.codexVersion).toBe('1.0');
			expect(codex.categories.length).toBeGreaterThan(0);
			expect(codex.categories.filter((category) => !N8N_CATEGORIES.has(category))).toEqual([]);
			for (const [category, subcategories] of Object.entries(codex.subcategories ?? {})) {
				expect(codex.categories).toContain(category);
				expect(subcategories.length).toBeGreaterThan(0);
			}
			expect(codex.resources.primaryDocumentation).toHaveLength(1);
			expect(codex.resources.credentialDocumentation).toHaveLength(1);
			expect(Array.isArray(codex.alias)).toBe(true);
			for (const alias of codex.alias) expect(alias).toMatch(/^\S(.*\S)?$/);
			const lower = codex.alias.map((alias) => alias.toLowerCase());
			expect(new Set(lower).size).toBe(lower.length);
			expect(lower).not.toContain(description.displayName.toLowerCase());
		},
	);
});

describe('Searching the nodes panel', () => {
	it('"fulfillment" finds every node of the pack', () => {
		expect(nodes.filter((node) => !found('fulfillment', node)).map((node) => node.file)).toEqual(
			[],
		);
	});

	it.each([
		['shipping', ['Sellfern', 'ShipperOne', 'SKU.io', 'S2', 'OrderProtection']],
		['shipment', ['ShipperOne', 'SKU.io', 'S2', 'OrderProtection']],
		['tracking', ['ShipperOne', 'SKU.io', 'S2', 'OrderProtection']],
		['order', ['Sellfern', 'ShipperOne', 'SKU.io', 'S2', 'OrderProtection']],
		['warehouse', ['ShipperOne', 'SKU.io', 'S2']],
		['3pl', ['ShipperOne', 'S2']],
		['void', ['SKU.io']],
		['supplier', ['Sellfern']],
	])('"%s" finds the action nodes of %j', (search, vendors) => {
		const actions = nodes.filter((node) => !node.description.polling);
		const hits = actions
			.filter((node) => found(search, node))
			.map((node) => node.description.displayName);
		expect(hits.sort()).toEqual([...vendors].sort());
	});

	// n8n's nodes panel shows an app's action node and its trigger as one entry, described by the
	// trigger's description (editor-ui useActionsGeneration: "default to trigger description").
	it('a trigger merged with its action node in the nodes panel describes both', () => {
		const triggers = nodes.filter((node) => node.description.polling);
		for (const trigger of triggers) {
			const action = nodes.find(
				(node) => node.description.name === trigger.description.name.replace('Trigger', ''),
			);
			if (!action) continue;
			const text = trigger.description.description;
			expect(text).not.toMatch(/^Starts the workflow/);
			expect(text).toMatch(/start workflows when/);
			const verb = action.description.description.match(/(assign|accept|void)/i)?.[1] ?? '?';
			expect(text.toLowerCase()).toContain(verb.toLowerCase());
		}
	});

	it('every trigger is found by "trigger" or "polling", and by "new"', () => {
		const triggers = nodes.filter((node) => node.description.polling);
		expect(triggers.length).toBe(3);
		for (const trigger of triggers) {
			expect(found('trigger', trigger) || found('polling', trigger)).toBe(true);
			expect(found('new', trigger)).toBe(true);
		}
	});
});
