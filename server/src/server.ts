import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { RULES } from '../../rules/index';
import { cfnSchemaLoader } from './cfn-schema-file';
import { iamCatalogLoader } from './iam-catalog-file';
import { PillarServer } from './lsp/pillar-server';

// The transport (--stdio, --node-ipc, --socket) comes from the command line.
new PillarServer(createConnection(ProposedFeatures.all), RULES, { iamCatalog: iamCatalogLoader(), cfnSchema: cfnSchemaLoader() }).listen();
