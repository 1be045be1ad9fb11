import type { IDataObject } from 'n8n-workflow';

/** A response body as an object to add to; an empty or text body adds nothing. */
export function asObject(body: unknown): IDataObject {
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as IDataObject) : {};
}
