/** Whole documents. */
import { cursor } from '../emit';
import type { SnippetSource } from '../define';

export const templates: SnippetSource[] = [
  {
    prefix: 'pillar-template',
    name: 'CloudFormation template skeleton',
    description:
      'A minimal CloudFormation template to start from: a format version, a description and an empty Resources section, where the other pillar- snippets go. Pillar recognizes it as a template at once and checks what you add.',
    context: 'template',
    body: {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: '${1:${TM_FILENAME_BASE}: what this stack deploys}',
      Resources: cursor,
    },
  },
];
