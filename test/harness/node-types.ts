import type { IDataObject, INode, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UserError } from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-fulfillment';

/** n8n registers a community node as `<package>.<description.name>`; tests may use either form. */
export function fullNodeTypeName(name: string): string {
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

function latestVersion(type: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in type) {
		return (
			type.description.defaultVersion ?? Math.max(...Object.keys(type.nodeVersions).map(Number))
		);
	}
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodeTypes: Array<INodeType | IVersionedNodeType>) {
		for (const type of nodeTypes) this.types.set(fullNodeTypeName(type.description.name), type);
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.types.get(fullNodeTypeName(name));
		if (!type) throw new UserError(`Node type "${name}" is not registered with the harness`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	/** A node of the given type, with a credential reference for every credential type it declares. */
	createNode(name: string, parameters: INode['parameters'], typeVersion?: number): INode {
		const type = fullNodeTypeName(name);
		const version = typeVersion ?? latestVersion(this.getByName(type));
		const { description } = this.getByNameAndVersion(type, version);
		return withCredentialRefs(this, {
			id: `${description.name}-node`,
			name: description.defaults.name ?? description.displayName,
			type,
			typeVersion: version,
			position: [0, 0],
			parameters,
		});
	}
}

/**
 * Every credential declared by the node's type points at the harness store entry of that type
 * (n8n-core refuses to fetch credentials the node has no reference to).
 */
export function withCredentialRefs(nodeTypes: INodeTypes, node: INode): INode {
	const type = fullNodeTypeName(node.type);
	const { description } = nodeTypes.getByNameAndVersion(type, node.typeVersion);
	const refs = Object.fromEntries(
		(description.credentials ?? []).map(({ name }) => [name, { id: name, name }]),
	);
	return { ...node, type, credentials: { ...refs, ...node.credentials } };
}
