import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { RULES } from '../../rules/index';
import { cfnSchemaLoader } from './cfn-schema-file';
import { iamCatalogLoader } from './iam-catalog-file';
import { PillarServer } from './lsp/pillar-server';

// Analyses run in worker threads, from the bundle beside this one (dist/analysis-worker.js).
const workerFile = join(__dirname, 'analysis-worker.js');

// The transport (--stdio, --node-ipc, --socket) comes from the command line.
new PillarServer(createConnection(ProposedFeatures.all), RULES, { iamCatalog: iamCatalogLoader(), cfnSchema: cfnSchemaLoader(), workerFile: existsSync(workerFile) ? workerFile : undefined }).listen();
