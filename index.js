// n8n loads the nodes and credentials listed in package.json's "n8n" section; this entry only
// makes `require('n8n-nodes-fulfillment')` succeed and tells where they are.
const { n8n } = require('./package.json');

module.exports = { nodes: n8n.nodes, credentials: n8n.credentials };
