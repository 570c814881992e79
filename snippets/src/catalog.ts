/** Every snippet, in the order the snippet files list them. */
import type { SnippetSource } from './define';
import { databases } from './catalog/databases';
import { detective } from './catalog/detective';
import { identity } from './catalog/identity';
import { network } from './catalog/network';
import { serverless } from './catalog/serverless';
import { storage } from './catalog/storage';
import { templates } from './catalog/templates';

export const SNIPPETS: readonly SnippetSource[] = [...templates, ...storage, ...detective, ...network, ...databases, ...serverless, ...identity];
