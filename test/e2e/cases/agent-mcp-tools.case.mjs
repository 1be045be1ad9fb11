// examples/agent-mcp-tools.json: an MCP Server Trigger with one tool node per action node of the
// pack. It is started by MCP clients, not by a manual run: test/e2e/mcp.e2e.test.mjs activates it,
// lists and calls its tools with a real MCP client and checks the sandbox.
export default {
	runBy: 'mcp.e2e.test.mjs',
};
