import { nodeProperties, type Resource } from '../../shared/operations';
import { operation as accept } from './fulfillmentOrder/accept.operation';
import { operation as getMany } from './fulfillmentOrder/getMany.operation';
import { operation as ship } from './fulfillmentOrder/ship.operation';

export const resources: Resource[] = [{ name: 'Fulfillment Order', value: 'fulfillmentOrder' }];

/** Every operation of the node: adding one is adding its file and a line here. */
export const operations = [accept, getMany, ship];

export const properties = nodeProperties(resources, operations);
