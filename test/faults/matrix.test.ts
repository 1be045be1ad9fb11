/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, not shipped */
import type { FaultSpec } from '../../sandbox/core/faults';
import type { NodeRunResult } from '../harness';
import { demoCredentials, useTestEnv } from '../support/env';
import { WRITE_OPERATIONS, type WriteOperation } from './operations';

/**
 * Every write operation × fault × way of retrying, against the sandbox: the ledger must show the
 * write applied exactly once (or, for naturally idempotent ones, at least once), every output item
 * must be true of the vendor's state, every failure a clear error naming vendor and operation, and a
 * failure after the vendor acted must say so. Prints the counts in one summary line.
 */
const env = useTestEnv(demoCredentials);

interface Fault {
	name: string;
	spec: Omit<FaultSpec, 'vendor' | 'method' | 'path'>;
	/** The fault holds the request: the node's Timeout is set to this (ms). */
	timeoutMs?: number;
}

const FAULTS: Fault[] = [
	{ name: 'answer lost after the vendor acted', spec: { afterHandling: true, drop: true } },
	{
		name: 'answer lost twice after the vendor acted',
		spec: { afterHandling: true, drop: true, count: 2 },
	},
	{ name: 'connection reset before the vendor acted', spec: { drop: true } },
	{ name: 'HTTP 500', spec: { status: 500 } },
	{ name: 'HTTP 502 HTML page from a proxy', spec: { html: true } },
	{ name: 'HTTP 503', spec: { status: 503 } },
	{ name: 'HTTP 429 with Retry-After', spec: { status: 429, headers: { 'Retry-After': '0' } } },
	{
		name: 'hang past the timeout after the vendor acted',
		spec: { afterHandling: true, hang: true },
		timeoutMs: 1000,
	},
	{ name: 'hang past the timeout', spec: { hang: true }, timeoutMs: 1000 },
	{ name: 'truncated JSON after the vendor acted', spec: { truncate: true } },
	{
		name: 'HTML page with HTTP 200 after the vendor acted',
		spec: { html: true, status: 200, afterHandling: true },
	},
];

type RetryPath = 'node retries' | 'Retry On Fail (3 tries)' | 'second execution';
const RETRY_PATHS: RetryPath[] = ['node retries', 'Retry On Fail (3 tries)', 'second execution'];

const tally = { cases: 0, exactlyOnce: 0, errors: 0, clearErrors: 0, defects: [] as string[] };

function clearError(op: WriteOperation, run: NodeRunResult): boolean {
	const error = run.error;
	if (!error) return true;
	const known = ['NodeApiError', 'NodeOperationError'].includes(String(error.name));
	return (
		known && error.message.includes(op.vendorLabel) && error.message.includes(op.operationLabel)
	);
}

/** After the vendor acted, an error must not read as a plain failure. */
function saysOutcome(run: NodeRunResult): boolean {
	const text = `${run.error?.message ?? ''}\n${run.error?.description ?? ''}`;
	return /may have been applied|Outcome: /.test(text);
}

async function runCase(op: WriteOperation, fault: Fault, path: RetryPath): Promise<string[]> {
	const prepared = await op.prepare(env);
	env.sandbox.state.faults.add({
		vendor: op.vendor,
		method: op.write.method,
		path: op.write.path,
		...fault.spec,
	});
	const options = {
		...((prepared.parameters.options as object | undefined) ?? {}),
		...(fault.timeoutMs ? { timeout: fault.timeoutMs } : {}),
		// Only the node's own retries retry inside the node; the other paths leave retrying to n8n or the user.
		...(path === 'node retries' ? {} : { maxRetries: 0 }),
	};
	const run = async () =>
		await env.harness.runNode({
			nodeType: op.nodeType,
			parameters: { ...prepared.parameters, options },
			input: prepared.input,
			retryOnFail:
				path === 'Retry On Fail (3 tries)' ? { maxTries: 3, waitBetweenTries: 1 } : undefined,
		});
	const applied = () =>
		env.sandbox.state.ledger
			.changes({ vendor: op.vendor })
			.filter((change) => op.isApplication(change, prepared.targets)).length;
	const runs = [await run()];
	const defects: string[] = [];
	// A stated outcome must be true of the vendor's state at that moment, not only stated.
	const afterFirst = applied();
	const firstText = runs[0].error?.description ?? '';
	if (/Outcome: not applied/.test(firstText) && afterFirst > 0)
		defects.push(`said "not applied" but the vendor applied it ${afterFirst} times`);
	if (runs[0].items.some((item) => item.json.outcome === 'applied') && afterFirst === 0)
		defects.push('said "applied" but the vendor did not apply it');
	// An answer the node cannot read (a 200 HTML page after the vendor acted) is never output: the
	// node says so, reads the record back, or sends again (when safe) and outputs that answer.
	if (fault.spec.html && fault.spec.status === 200) {
		const first = runs[0];
		const sentAgain =
			env.sandbox.state.ledger
				.requests({ vendor: op.vendor })
				.filter(
					(request) => request.method === op.write.method && request.path.includes(op.write.path),
				).length > 1;
		const flagged =
			first.status === 'error'
				? saysOutcome(first)
				: sentAgain || first.items.every((item) => item.json.outcome === 'applied');
		if (!flagged) defects.push('an unreadable 200 answer was taken as output');
	}
	if (path === 'second execution') runs.push(await run());

	const applications = applied();
	const expected = prepared.targets.length;
	if (op.guarantee === 'once' && applications > expected)
		defects.push(`applied ${applications} times for ${expected}`);
	const last = runs[runs.length - 1];
	if (last.status === 'success') {
		if (applications < expected)
			defects.push(`output success but applied ${applications} of ${expected}`);
		if (last.items.length === 0) defects.push('no output items');
		for (const item of last.items) {
			if (item.pairedItem === undefined) defects.push('an output item without pairedItem');
			if (!op.truthful(env, item.json, prepared.targets))
				defects.push(`untrue output ${JSON.stringify(item.json).slice(0, 200)}`);
		}
	} else if (applications > 0 && !saysOutcome(last)) {
		defects.push(`applied, but the error reads as a plain failure: ${last.error?.message}`);
	}
	for (const result of runs) {
		if (result.status !== 'error') continue;
		tally.errors++;
		if (clearError(op, result)) tally.clearErrors++;
		else defects.push(`unclear error (${result.error?.name}): ${result.error?.message}`);
	}
	const once = op.guarantee === 'once' ? applications === expected : applications >= expected;
	tally.cases++;
	if (once) tally.exactlyOnce++;
	tally.defects.push(...defects.map((defect) => `${op.name} / ${fault.name} / ${path}: ${defect}`));
	return defects;
}

afterAll(() => {
	process.stderr.write(
		`\nFault matrix: ${tally.cases} cases / ${tally.exactlyOnce} exactly once / ${tally.clearErrors} of ${tally.errors} errors clear / ${tally.defects.length} defects\n` +
			tally.defects.map((defect) => `  defect: ${defect}\n`).join(''),
	);
});

describe.each(WRITE_OPERATIONS.map((op) => [op.name, op] as const))(
	'%s under faults',
	(_name, op) => {
		const cases = FAULTS.flatMap((fault) =>
			RETRY_PATHS.map((path) => [fault.name, path, fault] as const),
		);
		it.each(cases)('%s, %s', async (_fault, path, fault) => {
			expect(await runCase(op, fault, path)).toEqual([]);
		});
	},
);
