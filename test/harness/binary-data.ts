import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { INodeExecutionData } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

let initialised: Promise<void> | undefined;

/**
 * Filesystem mode, n8n's default: `prepareBinaryData` stores the bytes in a file under
 * N8N_USER_FOLDER and the item only carries an id, so a node that reads `binary.data` as
 * base64 instead of using the helpers fails here as it would in production.
 */
export async function initBinaryData(): Promise<void> {
	initialised ??= Container.get(BinaryDataService).init();
	await initialised;
}

/** The bytes of an item's binary property, wherever n8n stored them. */
export async function readBinary(item: INodeExecutionData, property = 'data'): Promise<Buffer> {
	const binary = item.binary?.[property];
	if (!binary) throw new UserError(`The item has no binary property "${property}"`);
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}
