import { nodeProperties, type Resource } from '../../shared/operations';
import { operation as create } from './fulfillment/create.operation';
import { operation as getMany } from './fulfillment/getMany.operation';
import { operation as update } from './fulfillment/update.operation';

export const resources: Resource[] = [{ name: 'Fulfillment', value: 'fulfillment' }];

/** Every operation of the node: adding one is adding its file and a line here. */
export const operations = [create, getMany, update];

export const properties = nodeProperties(resources, operations);
