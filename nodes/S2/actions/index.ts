import { nodeProperties, type Resource } from '../../shared/operations';
import { operation as createFulfillment } from './fulfillment/create.operation';
import { operation as getFulfillment } from './fulfillment/get.operation';
import { operation as getOrder } from './order/get.operation';

export const resources: Resource[] = [
	{ name: 'Fulfillment', value: 'fulfillment' },
	{ name: 'Order', value: 'order' },
];

/** Every operation of the node: adding one is adding its file and a line here. */
export const operations = [createFulfillment, getFulfillment, getOrder];

export const properties = nodeProperties(resources, operations);
