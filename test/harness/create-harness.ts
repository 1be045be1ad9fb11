import { getExecutePollFunctions, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	IRun,
	IVersionedNodeType,
} from 'n8n-workflow';
import { createRunExecutionData, UserError, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import { initBinaryData } from './binary-data';
import { testCredential } from './credential-tester';
import { HarnessCredentialsHelper } from './credentials-helper';
import { HarnessNodeTypes, withCredentialRefs } from './node-types';
import type { CredentialsMap, Harness, NodeRunError, NodeRunResult, RunNodeOptions } from './types';

export function createHarness(options: {
	nodeTypes: Array<INodeType | IVersionedNodeType>;
	credentialTypes: ICredentialType[];
	credentials?: CredentialsMap;
}): Harness {
	const nodeTypes = new HarnessNodeTypes(options.nodeTypes);
	const credentialsHelper = new HarnessCredentialsHelper(options.credentialTypes);
	credentialsHelper.setCredentials(options.credentials ?? {});

	const newWorkflow = (nodes: INode[], connections = {}, staticData?: IDataObject) =>
		new Workflow({
			id: 'harness-workflow',
			name: 'Harness workflow',
			// The Workflow constructor writes parameter defaults into the nodes it is given.
			nodes: structuredClone(nodes),
			connections,
			active: false,
			nodeTypes,
			staticData,
			// What n8n sets on every new workflow.
			settings: { executionOrder: 'v1' },
		});

	return {
		setCredentials: (credentials) => credentialsHelper.setCredentials(credentials),
		credentialStore: () => credentialsHelper.snapshot(),
		testCredential: async (credentialType, data) =>
			await testCredential(credentialsHelper, credentialType, data),

		async runNode(runOptions: RunNodeOptions): Promise<NodeRunResult> {
			await initBinaryData();
			credentialsHelper.mergeCredentials(runOptions.credentials);
			const node = nodeTypes.createNode(
				runOptions.nodeType,
				runOptions.parameters,
				runOptions.typeVersion,
			);
			if (runOptions.continueOnFail) node.onError = 'continueRegularOutput';
			if (runOptions.retryOnFail) {
				node.retryOnFail = true;
				node.maxTries = runOptions.retryOnFail.maxTries;
				node.waitBetweenTries = runOptions.retryOnFail.waitBetweenTries;
			}
			const workflow = newWorkflow([node]);
			const items = (runOptions.input ?? [{}]).map(toItem);
			// Start the execution at the node with the given items, as if a previous node had sent them.
			const runExecutionData = createRunExecutionData({
				executionData: {
					nodeExecutionStack: [
						{ node: workflow.getNode(node.name)!, data: { main: [items] }, source: null },
					],
				},
			});
			const run = await new WorkflowExecute(
				createAdditionalData(credentialsHelper, workflow, 'manual'),
				'manual',
				runExecutionData,
			).processRunExecutionData(workflow);

			const task = run.data.resultData.runData[node.name]?.at(-1);
			const outputs = (task?.data?.main ?? []).map((output) => output ?? []);
			const error = (task?.error ?? run.data.resultData.error) as NodeRunError | undefined;
			return {
				status: error ? 'error' : 'success',
				items: outputs[0] ?? [],
				outputs,
				error,
				run,
			};
		},

		async runWorkflow(workflowData, runOptions = {}) {
			await initBinaryData();
			credentialsHelper.mergeCredentials(runOptions.credentials);
			const nodes = workflowData.nodes.map((node) => withCredentialRefs(nodeTypes, node));
			const workflow = newWorkflow(nodes, workflowData.connections);
			let startNode: INode | undefined;
			if (runOptions.startNode) {
				startNode = workflow.getNode(runOptions.startNode) ?? undefined;
				if (!startNode) throw new UserError(`The workflow has no node "${runOptions.startNode}"`);
			}
			const run = await new WorkflowExecute(
				createAdditionalData(credentialsHelper, workflow, 'manual'),
				'manual',
			).run({ workflow, startNode });
			return { run, outputOf: (nodeName: string) => outputOf(run, nodeName) };
		},

		async listSearch(searchOptions): Promise<INodeListSearchResult> {
			credentialsHelper.mergeCredentials(searchOptions.credentials);
			const node = nodeTypes.createNode(
				searchOptions.nodeType,
				searchOptions.parameters,
				searchOptions.typeVersion,
			);
			const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			const method = nodeType.methods?.listSearch?.[searchOptions.method];
			if (!method) {
				throw new UserError(
					`Node type "${node.type}" has no listSearch method "${searchOptions.method}"`,
				);
			}
			const workflow = newWorkflow([node]);
			const additionalData = createAdditionalData(credentialsHelper, workflow, 'internal');
			// What n8n's DynamicNodeParametersService passes: the parameters as the editor holds them.
			additionalData.currentNodeParameters = searchOptions.parameters;
			const context = new LoadOptionsContext(
				workflow,
				workflow.getNode(node.name)!,
				additionalData,
				'',
			);
			return await method.call(context, searchOptions.filter, searchOptions.paginationToken);
		},

		poller(pollOptions) {
			credentialsHelper.mergeCredentials(pollOptions.credentials);
			const node = nodeTypes.createNode(pollOptions.nodeType, pollOptions.parameters);
			const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			if (!nodeType.poll) throw new UserError(`Node type "${node.type}" has no poll method`);
			let workflow = newWorkflow([node]);
			// What n8n does between polls: save the static data as JSON, load it into a new Workflow.
			const reloaded = () =>
				newWorkflow([node], {}, JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject);

			return {
				async poll(mode = 'trigger') {
					await initBinaryData();
					// n8n does not save static data after a manual execution.
					const pollWorkflow = mode === 'manual' ? reloaded() : workflow;
					const pollFunctions = getExecutePollFunctions(
						pollWorkflow,
						pollWorkflow.getNode(node.name)!,
						createAdditionalData(credentialsHelper, pollWorkflow, mode),
						mode,
						mode === 'manual' ? 'manual' : 'activate',
					);
					return await pollWorkflow.expression.withIsolate(
						async () => await nodeType.poll!.call(pollFunctions),
					);
				},
				staticData: () => workflow.getStaticData('node', workflow.getNode(node.name)!),
				reload() {
					workflow = reloaded();
				},
			};
		},
	};
}

function toItem(entry: IDataObject | INodeExecutionData): INodeExecutionData {
	const isItem =
		typeof entry.json === 'object' &&
		entry.json !== null &&
		Object.keys(entry).every((key) => ['json', 'binary', 'pairedItem', 'error'].includes(key));
	return isItem ? (entry as INodeExecutionData) : { json: entry as IDataObject };
}

function outputOf(run: IRun, nodeName: string): INodeExecutionData[] {
	return run.data.resultData.runData[nodeName]?.at(-1)?.data?.main[0] ?? [];
}
