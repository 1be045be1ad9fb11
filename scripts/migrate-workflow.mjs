#!/usr/bin/env node
// Moves a workflow between the all-in-one package and the vendor packages: their node types differ
// only in the prefix (`n8n-nodes-fulfillment.sellfern` ↔ `n8n-nodes-sellfern.sellfern`); node
// names, parameters and credentials (the credential types have the same names) stay as they are.
//
//   npm run migrate-workflow -- --to n8n-nodes-sellfern in.json > out.json
//   npm run migrate-workflow -- --to n8n-nodes-fulfillment in.json > out.json
//   npm run migrate-workflow -- --to vendors in.json > out.json   (each node to its vendor's package)
//
// Reads stdin without a file. Nodes the target package does not hold are left as they are and
// listed on stderr.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rootPackage, vendorPackages } from './pack-all.mjs';

/** { package, base } of a node type of ours (`base` without a `Tool` suffix), else undefined. */
function parseType(type, packages) {
	const dot = type.lastIndexOf('.');
	if (dot < 0) return undefined;
	const packageName = type.slice(0, dot);
	const node = type.slice(dot + 1);
	const vendor = packages.vendors.find((candidate) =>
		candidate.nodeTypes.some((base) => node === base || node === `${base}Tool`),
	);
	if (!vendor) return undefined;
	if (packageName !== packages.allInOne && packageName !== vendor.name) return undefined;
	return { packageName, node, vendor };
}

/**
 * Returns { workflow, moved: [{ name, from, to }], left: [{ name, type }] }. `to` is a package
 * name or `vendors`.
 */
export function migrateWorkflow(workflow, to) {
	const packages = { allInOne: rootPackage().name, vendors: vendorPackages() };
	const known = [packages.allInOne, 'vendors', ...packages.vendors.map((vendor) => vendor.name)];
	if (!known.includes(to))
		throw new Error(`--to ${to}: not one of our packages (${known.join(', ')})`);
	if (!Array.isArray(workflow?.nodes))
		throw new Error('not an n8n workflow: it has no "nodes" list');
	const moved = [];
	const left = [];
	const nodes = workflow.nodes.map((node) => {
		const parsed = typeof node.type === 'string' ? parseType(node.type, packages) : undefined;
		if (!parsed) return node;
		const target =
			to === 'vendors'
				? parsed.vendor.name
				: to === packages.allInOne || to === parsed.vendor.name
					? to
					: undefined;
		if (!target) {
			left.push({ name: node.name, type: node.type });
			return node;
		}
		if (target === parsed.packageName) return node;
		const type = `${target}.${parsed.node}`;
		moved.push({ name: node.name, from: node.type, to: type });
		return { ...node, type };
	});
	return { workflow: { ...workflow, nodes }, moved, left };
}

function main(argv) {
	const at = argv.indexOf('--to');
	const to = at >= 0 ? argv[at + 1] : undefined;
	const files = argv.filter((arg, index) => index !== at && index !== at + 1);
	if (!to || files.length > 1)
		throw new Error(
			'usage: migrate-workflow.mjs --to <n8n-nodes-fulfillment | n8n-nodes-<vendor> | vendors> [workflow.json]',
		);
	const text = readFileSync(files[0] ?? 0, 'utf8');
	let workflow;
	try {
		workflow = JSON.parse(text);
	} catch (error) {
		throw new Error(`${files[0] ?? 'stdin'} is not JSON: ${error.message}`);
	}
	const { workflow: result, moved, left } = migrateWorkflow(workflow, to);
	for (const node of moved) console.error(`moved "${node.name}": ${node.from} → ${node.to}`);
	for (const node of left)
		console.error(`left "${node.name}" as ${node.type}: ${to} does not hold this node`);
	process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}
