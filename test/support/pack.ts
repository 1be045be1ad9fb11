import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { n8n } from '../../package.json';

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
