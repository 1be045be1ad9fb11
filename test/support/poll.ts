import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { Poller } from '../harness';
import type { TestEnv } from './env';

/** A trigger's poller maker: `defaults` changed as each call's `parameters` say. */
export const pollerOf =
	(env: TestEnv, nodeType: string, defaults: INodeParameters = {}) =>
	(parameters: Record<string, unknown> = {}): Poller =>
		env.harness.poller({ nodeType, parameters: { ...defaults, ...parameters } as INodeParameters });

/** The `field` of each item a poll emitted (none when it emitted nothing). */
export const emittedField = (emitted: INodeExecutionData[][] | null, field: string) =>
	(emitted?.[0] ?? []).map((item) => item.json[field]);

/** A poll's emitted orders as [order_id, reEmitted, emitAttempt]. */
export const reEmissionMarks = (emitted: INodeExecutionData[][] | null) =>
	(emitted?.[0] ?? []).map((item) => [
		item.json.order_id,
		item.json.reEmitted,
		item.json.emitAttempt,
	]);
