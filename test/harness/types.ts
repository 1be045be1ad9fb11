import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	IRun,
} from 'n8n-workflow';

/** Credential data keyed by credential type name; one credential per type. */
export type CredentialsMap = Record<string, ICredentialDataDecryptedObject>;

export interface RunNodeOptions {
	/** `description.name` ('sellfern') or the full type ('n8n-nodes-fulfillment.sellfern'). */
	nodeType: string;
	parameters: INodeParameters;
	/** Plain objects become `{ json }`; default: one empty item. */
	input?: Array<IDataObject | INodeExecutionData>;
	/** Replaces these credential types in the harness store (like editing the credential in n8n). */
	credentials?: CredentialsMap;
	/** Sets `onError: 'continueRegularOutput'`, what n8n's "On Error: Continue" setting stores. */
	continueOnFail?: boolean;
	/** n8n's node-level "Retry On Fail" setting. */
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	/** Default: the node type's newest version. */
	typeVersion?: number;
}

export type NodeRunError = Error & {
	description?: string;
	httpCode?: string;
	context?: IDataObject;
};

export interface NodeRunResult {
	status: 'success' | 'error';
	/** Output 0 of the node under test (empty array if none). */
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	/**
	 * The node's error as n8n recorded it in the run data: a plain copy of the error's own
	 * fields (name, message, description, httpCode, context, …), without `cause`.
	 */
	error?: NodeRunError;
	run: IRun;
}

export interface WorkflowRunResult {
	run: IRun;
	/** Output 0 of the node's last run (empty array if it did not run). */
	outputOf(nodeName: string): INodeExecutionData[];
}

export interface Poller {
	/**
	 * Calls `nodeType.poll` with n8n-core's real poll functions. Like n8n, a 'manual' poll
	 * (the editor's "Fetch Test Event") does not save the static data it changes.
	 */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** The node's live static data (writable, e.g. to seed a cursor). */
	staticData(): IDataObject;
	/** JSON round-trips the workflow static data into a new Workflow, as n8n does between polls. */
	reload(): void;
}

/** A resource locator's "From List" search, as the editor asks for it. */
export interface ListSearchOptions {
	nodeType: string;
	/** The name under `methods.listSearch`. */
	method: string;
	/** The node's current parameters (what the editor sends as `currentNodeParameters`). */
	parameters: INodeParameters;
	/** What the user typed in the list's search box. */
	filter?: string;
	/** The `paginationToken` of the previous page. */
	paginationToken?: string;
	credentials?: CredentialsMap;
	typeVersion?: number;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface Harness {
	setCredentials(credentials: CredentialsMap): void;
	runNode(options: RunNodeOptions): Promise<NodeRunResult>;
	runWorkflow(
		workflow: { nodes: INode[]; connections: IConnections },
		options?: { credentials?: CredentialsMap; startNode?: string },
	): Promise<WorkflowRunResult>;
	poller(options: {
		nodeType: string;
		parameters: INodeParameters;
		credentials?: CredentialsMap;
	}): Poller;
	testCredential(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
	): Promise<CredentialTestResult>;
	/** Runs a `methods.listSearch` method of a node the way n8n's editor does (LoadOptionsContext). */
	listSearch(options: ListSearchOptions): Promise<INodeListSearchResult>;
	/** A copy of the stored credential data, including what pre-authentication wrote back. */
	credentialStore(): CredentialsMap;
}
