export { createHarness } from './create-harness';
export { readBinary } from './binary-data';
export type {
	CredentialsMap,
	CredentialTestResult,
	Harness,
	ListSearchOptions,
	NodeRunError,
	NodeRunResult,
	Poller,
	RunNodeOptions,
	WorkflowRunResult,
} from './types';
