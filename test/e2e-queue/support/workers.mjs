// What the queue-mode files read of their workers: which worker started and finished which
// execution, from the workers' logs; and the ShipperOne crash-test workflow they kill a worker in.
import { readFileSync } from 'node:fs';
import { workflowForImport } from '../../../scripts/n8n/provision.mjs';

export const read = (file) => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
};

export const idsIn = (text, pattern) =>
	new Set([...text.matchAll(pattern)].map((match) => match[1]));

/** Which worker started each execution, by the workers' logs ("Worker started execution 12 (job 7)"). */
export function runsByWorker(workers) {
	const runs = new Map();
	for (const worker of workers) {
		for (const id of idsIn(read(worker.logFile), /Worker started execution (\d+) /g))
			runs.set(id, [...(runs.get(id) ?? []), worker.name]);
	}
	return runs;
}

/** An execution a worker started and has not finished yet: { worker, executionId }. */
export function runningExecution(candidates, only) {
	for (const worker of candidates) {
		const text = read(worker.logFile);
		const finished = idsIn(text, /Worker finished execution (\d+) /g);
		for (const id of idsIn(text, /Worker started execution (\d+) /g)) {
			if (!finished.has(id) && (!only || only.has(id))) return { worker, executionId: id };
		}
	}
	return undefined;
}

export const CRASH_TRIGGER = 'New Order to Accept';

/**
 * Creates the ShipperOne accept-and-ship example with a 15 s pause before Accept (so a worker can
 * die before it) and re-emission of unconfirmed orders after 1 minute.
 */
export async function createCrashWorkflow(ctx, name) {
	const example = ctx.examples.find((candidate) => candidate.slug === 'shipperone-accept-and-ship');
	const nodes = example.workflow.nodes.map((node) =>
		node.name === CRASH_TRIGGER
			? {
					...node,
					parameters: {
						...node.parameters,
						options: { emitExisting: true, reEmitAfterMinutes: 1, reEmitMaxTimes: 2 },
					},
				}
			: node,
	);
	const hold = {
		name: 'Hold Before Accept',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [0, 300],
		parameters: { resume: 'timeInterval', amount: 15, unit: 'seconds' },
	};
	const connections = {
		...example.workflow.connections,
		[CRASH_TRIGGER]: { main: [[{ node: hold.name, type: 'main', index: 0 }]] },
		[hold.name]: { main: [[{ node: 'Accept All Items', type: 'main', index: 0 }]] },
	};
	const byType = Object.fromEntries(
		ctx.info.credentials.map((credential) => [credential.type, credential]),
	);
	return ctx.client.createWorkflow(
		workflowForImport({ ...example.workflow, name, nodes: [...nodes, hold], connections }, byType),
	);
}

/** Accepted, allocated and shipped exactly once: the moves of one ShipperOne order in the ledger. */
export const MOVED_ONCE = ['pending_allocation', 'pending_shipment', 'pending_invoice'];

/** How each ShipperOne fulfillment order moved since `since`, from the sandbox ledger: { id: [to, …] }. */
export async function orderMoves(sandbox, since) {
	const changes = await sandbox.ledger({ vendor: 'shipperone', type: 'change', since });
	const moves = {};
	for (const change of changes)
		if (change.entity === 'fulfillmentOrder' && change.from !== null)
			(moves[change.id] ??= []).push(change.to);
	return moves;
}
