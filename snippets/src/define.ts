/** What a snippet source is, and small builders for the CloudFormation shapes the snippets repeat. */
import { raw, type Value } from './emit';

export interface SnippetSource {
  /** The prefix typed to insert it; `pillar-` first, so that typing `pillar` lists them all. */
  readonly prefix: string;
  /** Its name in the suggestion list and in the snippet files. */
  readonly name: string;
  /** What it creates, and what makes it secure. */
  readonly description: string;
  /**
   * Where it goes: `resources` inside a template's `Resources` mapping, `template` a whole
   * template, `policy` a whole IAM policy document.
   */
  readonly context: 'resources' | 'template' | 'policy';
  readonly body: { readonly [key: string]: Value };
  /**
   * What the snippet refers to without creating it, by default logical id: another snippet (its
   * prefix) that creates it, or a parameter type. The tests build each snippet's template from these.
   */
  readonly assumes?: Readonly<Record<string, string>>;
}

export const ref = (name: string): Value => ({ Ref: name });
export const getAtt = (name: string, attribute: string): Value => ({ 'Fn::GetAtt': [name, attribute] });
export const sub = (text: string): Value => ({ 'Fn::Sub': text });

/** Kept when the stack is deleted or the resource replaced: data outlives a mistaken change. */
export const RETAIN = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' } as const;
/** A final snapshot when the stack deletes or replaces a database or volume. */
export const SNAPSHOT = { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' } as const;

export const POLICY_VERSION = '2012-10-17';
export const THIS_ACCOUNT: Value = { Ref: 'AWS::AccountId' };
/** The account itself as a principal: access then also needs an IAM policy in the account that allows it. */
export const ACCOUNT_ROOT: Value = { 'Fn::Sub': 'arn:\\${AWS::Partition}:iam::\\${AWS::AccountId}:root' };

/** A statement that refuses every request made without TLS. */
export function denyInsecureTransport(action: string, resources: readonly Value[]): Value {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: action,
    Resource: resources.length === 1 ? resources[0]! : resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** Retention choices for logs kept as evidence: one, two, five or ten years. */
export const retentionDays = (tabStop: number) => raw(`\${${tabStop}|365,731,1827,3653|}`);

/**
 * A CloudWatch Logs group kept for a chosen time, encrypted with a customer managed key (`key` is
 * the key's logical id or tab stop), and kept when the stack goes: the logs are an investigation's evidence.
 */
export function logGroup(retentionTabStop: number, key: string, name?: Value): Value {
  return {
    Type: 'AWS::Logs::LogGroup',
    ...RETAIN,
    Properties: {
      ...(name === undefined ? {} : { LogGroupName: name }),
      RetentionInDays: retentionDays(retentionTabStop),
      KmsKeyId: getAtt(key, 'Arn'),
    },
  };
}
