import type { IDataObject } from 'n8n-workflow';

/** An object that is neither null nor an array: what JSON calls an object. */
export function isJsonObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
