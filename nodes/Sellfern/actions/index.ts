import { nodeProperties, type Resource } from '../../shared/operations';
import { operation as assignSupplier } from './fulfillment/assignSupplier.operation';
import { operation as getManyQueue } from './fulfillmentQueue/getMany.operation';
import { operation as updateStatus } from './order/updateStatus.operation';

export const resources: Resource[] = [
	{ name: 'Fulfillment', value: 'fulfillment' },
	{ name: 'Fulfillment Queue', value: 'fulfillmentQueue' },
	{ name: 'Order', value: 'order' },
];

/** Every operation of the node: adding one is adding its file and a line here. */
export const operations = [assignSupplier, getManyQueue, updateStatus];

export const properties = nodeProperties(resources, operations, 'fulfillmentQueue');
