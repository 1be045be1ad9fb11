import type { IDataObject } from 'n8n-workflow';
import { isJsonObject } from '../shared/validation';
import type { FulfillmentStatus } from './transport';

/** The fulfillment a Create or Update was for. */
export interface FulfillmentIds {
	sourceOrderId: string;
	sourceFulfillmentId: string;
	fulfillmentStatus: FulfillmentStatus;
}

/**
 * The item Create and Update output: OrderProtection answers only `{status: "ok"}`, so the IDs and the
 * status are added for the next node (e.g. Update) to refer to the fulfillment.
 */
export function fulfillmentOutput(response: unknown, fulfillment: FulfillmentIds): IDataObject {
	return { ...(isJsonObject(response) ? response : {}), ...fulfillment };
}
