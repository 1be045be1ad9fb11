import type { VendorName } from '../../sandbox/server';
import { WRITE_OPERATIONS, type WriteOperation } from '../faults/operations';
import { demoCredentials, useTestEnv } from '../support/env';
import { vendorRequests } from '../support/ledger';
import { packOperations } from '../support/pack';

// Preview Only is a safety switch: when its value cannot be read (an expression that throws, an
// agent's value n8n cannot resolve, anything but a boolean) the write is not sent, and the item
// says why, with outcome unknown. Every write operation of the pack, against the sandbox.

const env = useTestEnv(demoCredentials);

const UNREADABLE = [
	{ name: 'an expression that throws', value: '={{ $json.settings.preview.on }}' },
	{ name: 'an expression that gives no value', value: '={{ $json.settings }}' },
	{ name: 'a value that is not a boolean', value: '={{ "maybe" }}' },
];

/** Requests that reached the vendor's write route. */
function writesSent(op: WriteOperation) {
	return vendorRequests(env, op.vendor as VendorName, op.write.path).filter(
		(request) => request.method === op.write.method,
	);
}

const cases = WRITE_OPERATIONS.flatMap((op) =>
	UNREADABLE.map((unreadable) => [op.name, unreadable.name, op, unreadable.value] as const),
);

describe('Preview Only fails closed on every write', () => {
	it('covers every write operation of the pack', async () => {
		const writes = packOperations().flatMap(([nodeType, operations]) =>
			operations.filter((op) => op.write).map((op) => `${nodeType}/${op.resource}/${op.value}`),
		);
		const covered = new Set<string>();
		for (const op of WRITE_OPERATIONS) {
			const { parameters } = await op.prepare(env);
			covered.add(`${op.nodeType}/${String(parameters.resource)}/${String(parameters.operation)}`);
		}
		expect(writes.filter((write) => !covered.has(write))).toEqual([]);
	});

	it.each(cases)('%s, Preview Only is %s: nothing sent, the error says why', async (...args) => {
		const [, , op, value] = args;
		const prepared = await op.prepare(env);
		const result = await env.harness.runNode({
			nodeType: op.nodeType,
			parameters: {
				...prepared.parameters,
				options: { ...(prepared.parameters.options as object), previewOnly: value },
			},
			input: prepared.input,
		});
		expect(writesSent(op)).toEqual([]);
		const applied = env.sandbox.state.ledger
			.changes({ vendor: op.vendor })
			.filter((change) => op.isApplication(change, prepared.targets));
		expect(applied).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Preview Only \(Send Nothing\) .* \[item 0\]$/);
		expect(result.error?.description).toMatch(
			/^Outcome: unknown\. .*nothing that changes state was sent/,
		);
		expect(result.error?.context?.outcome).toBe('unknown');
	});

	it.each(WRITE_OPERATIONS.map((op) => [op.name, op] as const))(
		'%s under continueOnFail: the item carries the reason, paired, and nothing is sent',
		async (_name, op) => {
			const prepared = await op.prepare(env);
			const result = await env.harness.runNode({
				nodeType: op.nodeType,
				parameters: {
					...prepared.parameters,
					options: {
						...(prepared.parameters.options as object),
						previewOnly: UNREADABLE[0].value,
					},
				},
				input: prepared.input,
				continueOnFail: true,
			});
			expect(writesSent(op)).toEqual([]);
			expect(result.status).toBe('success');
			expect(result.items.length).toBeGreaterThan(0);
			for (const [index, item] of result.items.entries()) {
				expect(item.json.error).toMatch(/^Preview Only \(Send Nothing\) /);
				expect(item.json.description).toMatch(/^Outcome: unknown\./);
				expect(item.pairedItem).toEqual({ item: index });
			}
		},
	);
});
