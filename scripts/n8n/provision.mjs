// What `npm start` and the e2e suite put into a running n8n: a sandbox credential for every
// credential type of the pack, and every example workflow of `examples/` wired to those credentials.
// Nothing here names a vendor: vendors, credential types and examples are found at run time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths.mjs';

export const EXAMPLES_DIR = path.join(repoRoot, 'examples');

/** The local owner account `npm start` creates (the instance listens on 127.0.0.1 only). */
export const DEMO_OWNER = {
	email: 'demo@fulfillment.test',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Fulfillment-demo-1',
};

/**
 * The pack as n8n loaded it: node types named `<package>.<node>` and the credential types they use.
 */
export async function loadedPackTypes(client, packageName) {
	const nodes = (await client.nodeTypes()).filter((node) =>
		node.name.startsWith(`${packageName}.`),
	);
	const used = new Set(
		nodes.flatMap((node) => (node.credentials ?? []).map((credential) => credential.name)),
	);
	const credentials = (await client.credentialTypes()).filter((credential) =>
		used.has(credential.name),
	);
	return { nodes, credentials };
}

const squash = (text) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The sandbox vendor a credential type belongs to: `sellfernApi` → sellfern, `shipperOneApi` →
 * shipperone, `skuIoOAuth2Api` → skuio.
 */
export function vendorForCredentialType(credentialTypeName, vendors) {
	const key = squash(credentialTypeName).replace(/(oauth2)?api$/, '');
	return vendors.find((vendor) => squash(vendor.name) === key);
}

/** The field holding the API's base URL: `baseUrl`, else the first field whose name ends in "url". */
export function baseUrlField(credentialType) {
	const names = (credentialType.properties ?? []).map((property) => property.name);
	return names.find((name) => name === 'baseUrl') ?? names.find((name) => /url$/i.test(name));
}

/**
 * Names of the secrets a user types (password inputs): a wrong one must fail the credential test.
 * Hidden and expirable fields (a login's session token, which n8n refreshes itself) are not typed.
 */
export function secretFields(credentialType) {
	return (credentialType.properties ?? [])
		.filter(
			(property) =>
				property.typeOptions?.password &&
				!property.typeOptions?.expirable &&
				property.type !== 'hidden',
		)
		.map((property) => property.name);
}

/**
 * One sandbox credential per credential type: the vendor's first demo credential whose fields the
 * type has, plus the vendor's sandbox base URL. Returns { planned: [...], problems: [...] }.
 */
export function planSandboxCredentials(credentialTypes, overview) {
	const planned = [];
	const problems = [];
	for (const type of credentialTypes) {
		const vendor = vendorForCredentialType(type.name, overview.vendors);
		if (!vendor) {
			problems.push(
				`${type.name}: no sandbox vendor matches this credential type (sandbox has ${overview.vendors.map((v) => v.name).join(', ')})`,
			);
			continue;
		}
		const fields = new Set((type.properties ?? []).map((property) => property.name));
		const demo = vendor.credentials.find((credential) =>
			Object.keys(credential.values).every((key) => fields.has(key)),
		);
		if (!demo) {
			problems.push(
				`${type.name}: none of the ${vendor.name} sandbox credentials fits its fields (${[...fields].join(', ')})`,
			);
			continue;
		}
		const urlField = baseUrlField(type);
		if (!urlField) {
			problems.push(`${type.name}: no base URL field to point at the sandbox`);
			continue;
		}
		planned.push({
			type: type.name,
			name: `${type.displayName} (sandbox)`,
			vendor: vendor.name,
			label: demo.label,
			baseUrl: vendor.baseUrl,
			data: { ...demo.values, [urlField]: vendor.baseUrl },
			secretFields: secretFields(type),
		});
	}
	return { planned, problems };
}

/** Creates the planned credentials, or updates those of the same name. Returns them with their ids. */
export async function upsertCredentials(client, planned) {
	const existing = await client.listCredentials();
	const result = [];
	for (const credential of planned) {
		const { type, name, data } = credential;
		const found = existing.find((stored) => stored.name === name && stored.type === type);
		const saved = found
			? await client.updateCredential(found.id, { name, type, data })
			: await client.createCredential({ name, type, data });
		result.push({ ...credential, id: saved.id });
	}
	return result;
}

/**
 * What the example workflows need from the demo sandbox besides its seed data, set through its
 * control API: ShipperOne's ERP allocates accepted items after a second (the sandbox default is
 * never), so the ShipperOne example finds the order it accepted ready to ship; the newest manual
 * SKU.io fulfillment is a fresh one the SKU.io void example can void (the demo's newest is shipped).
 */
export async function prepareSandboxForExamples(control) {
	await control.vendorControl('shipperone', 'POST', '/settings', { allocateAfterSeconds: 1 });
	await control.seed('skuio', { count: 1, fulfillmentType: 'manual' });
}

/** Every `examples/*.json`, by file name: [{ file, slug, workflow }]. */
export function loadExamples(dir = EXAMPLES_DIR) {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file: path.join(dir, file),
			slug: file.replace(/\.json$/, ''),
			workflow: JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
		}));
}

/**
 * The example as n8n's REST API takes it, each node's credential reference pointed at the stored
 * credential of that type.
 */
export function workflowForImport(workflow, credentialsByType) {
	const nodes = workflow.nodes.map((node) => {
		if (!node.credentials) return node;
		const credentials = Object.fromEntries(
			Object.entries(node.credentials).map(([type, reference]) => {
				const stored = credentialsByType[type];
				return [type, stored ? { id: stored.id, name: stored.name } : reference];
			}),
		);
		return { ...node, credentials };
	});
	return {
		name: workflow.name,
		nodes,
		connections: workflow.connections,
		settings: workflow.settings ?? { executionOrder: 'v1' },
		...(workflow.pinData && { pinData: workflow.pinData }),
		...(workflow.meta && { meta: workflow.meta }),
	};
}

/**
 * Imports every example (updating one of the same name, so a restart shows the current files).
 * Returns [{ slug, file, id, name, workflow }].
 */
export async function importExamples(client, credentials, examples = loadExamples()) {
	const byType = Object.fromEntries(credentials.map((credential) => [credential.type, credential]));
	const existing = await client.listWorkflows();
	const result = [];
	for (const example of examples) {
		const body = workflowForImport(example.workflow, byType);
		const found = existing.find((stored) => stored.name === body.name && !stored.isArchived);
		if (found?.active) await client.deactivate(found.id);
		const saved = found
			? await client.updateWorkflow(found.id, body)
			: await client.createWorkflow(body);
		result.push({
			slug: example.slug,
			file: example.file,
			id: saved.id,
			name: saved.name,
			workflow: example.workflow,
		});
	}
	return result;
}
