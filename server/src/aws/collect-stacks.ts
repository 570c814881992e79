import { CloudFormationClient, GetTemplateCommand, paginateDescribeStacks } from '@aws-sdk/client-cloudformation';
import type { Finding } from '../engine/api';
import type { CallError } from '../engine/account';
import type { StackReport } from '../posture/report';
import { mapLimited } from './limiter';
import { callError, collect, type AwsSession } from './session';

/** Analyzes a template's text with the template engine: the caller's, so this bundle holds no engine. */
export type AnalyzeTemplate = (text: string, name: string) => readonly Finding[];

/** The deployed stacks of each region, each with its template (GetTemplate) and the template rules' findings. */
export async function collectStacks(session: AwsSession, regions: readonly string[], analyze: AnalyzeTemplate): Promise<{ stacks: StackReport[]; errors: CallError[] }> {
  const stacks: StackReport[] = [];
  const errors: CallError[] = [];
  await Promise.all(
    regions.map(async (region) => {
      const client = session.client(CloudFormationClient, region);
      const listed = await collect('cloudformation:DescribeStacks', region, async () => {
        const found = [];
        for await (const page of paginateDescribeStacks({ client }, {})) for (const s of page.Stacks ?? []) if (s.StackStatus !== 'DELETE_COMPLETE') found.push(s);
        return found;
      });
      if (!listed.ok) {
        errors.push(listed.error);
        return;
      }
      const reports = await mapLimited(listed.value, 4, async (stack): Promise<StackReport> => {
        const base = { region, name: stack.StackName ?? '', id: stack.StackId ?? '', status: stack.StackStatus ?? '' };
        try {
          const { TemplateBody } = await client.send(new GetTemplateCommand({ StackName: stack.StackId ?? stack.StackName }));
          const template = TemplateBody ?? '';
          return { ...base, template, findings: analyze(template, stackDocumentName({ ...base, template })) };
        } catch (error) {
          return { ...base, template: null, findings: [], error: callError(error, 'cloudformation:GetTemplate', region) };
        }
      });
      stacks.push(...reports);
    }),
  );
  return { stacks: stacks.sort((a, b) => a.region.localeCompare(b.region) || a.name.localeCompare(b.name)), errors };
}

/** `us-east-1/my-stack.yaml`: the file name a stack's findings carry (JSON templates end in .json). */
export function stackDocumentName(stack: { region: string; name: string; template?: string | null }): string {
  return `${stack.region}/${stack.name}.${stack.template?.trimStart().startsWith('{') ? 'json' : 'yaml'}`;
}
