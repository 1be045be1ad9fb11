import type { INodeParameters } from 'n8n-workflow';

type Params = (overrides?: INodeParameters) => INodeParameters;

const list =
	(resource: string, needs: INodeParameters = {}): Params =>
	(overrides = {}) => ({ resource, operation: 'getAll', ...needs, ...overrides });

/** Each node's Get Many with the fields its list needs; `overrides` change or add fields. */
export const listParams = {
	sellfern: list('fulfillmentQueue', { status: 'any' }),
	shipperOne: list('fulfillmentOrder', { queue: 'pending_accept' }),
	skuIo: list('fulfillment'),
	orderProtection: list('fulfillment'),
};

/** The parameters of an operation of `resource`: `operationOf('fulfillment')('get', { … })`. */
export const operationOf =
	(resource: string) =>
	(operation: string, fields: Record<string, unknown> = {}): INodeParameters =>
		({ resource, operation, ...fields }) as INodeParameters;

/** The parameters of a Fulfillment operation (SKU.io, S2, OrderProtection). */
export const fulfillment = operationOf('fulfillment');
