import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { n8n } from '../../package.json';
import type { Operation } from '../../nodes/shared/operations';
import { operations as sellfernOps } from '../../nodes/Sellfern/actions';
import { operations as shipperOneOps } from '../../nodes/ShipperOne/actions';
import { operations as skuIoOps } from '../../nodes/SkuIo/actions';
import { operations as s2Ops } from '../../nodes/S2/actions';
import { operations as orderProtectionOps } from '../../nodes/OrderProtection/actions';

/**
 * The pack's nodes and credentials, found the way n8n finds them (package.json's "n8n" section)
 * but loaded from the TypeScript sources, so a node missing from package.json is missing here too.
 */
function loadClasses<T>(files: string[]): T[] {
	return files.map((file) => {
		const source = `../../${file.replace(/^dist\//, '').replace(/\.js$/, '')}`;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(source) as Record<string, new () => T>;
		const [Class] = Object.values(module);
		return new Class();
	});
}

export const packNodeTypes = (): Array<INodeType | IVersionedNodeType> => loadClasses(n8n.nodes);
export const packCredentialTypes = (): ICredentialType[] => loadClasses(n8n.credentials);

/** Each action node's type name with its declared operations. */
export const packOperations = (): Array<[string, Operation[]]> => [
	['sellfern', sellfernOps],
	['shipperOne', shipperOneOps],
	['skuIo', skuIoOps],
	['s2', s2Ops],
	['orderProtection', orderProtectionOps],
];
