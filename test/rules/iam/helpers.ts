/** Small policy documents for the IAM rule tables. */

/** A standalone JSON policy on one line: the first statement starts at column 41. */
export function policyJson(...statements: string[]): string {
  return `{"Version": "2012-10-17", "Statement": [${statements.join(', ')}]}\n`;
}

/** A managed policy in a YAML template; statement lines start at line 8, indented by 10. */
export function managedPolicy(statements: string, before = ''): string {
  return `${before}Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${statements}`;
}

/** A role with a trust policy; trust statement lines start at line 8, indented by 10. */
export function role(trust: string, rest = ''): string {
  return `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${trust}${rest}`;
}
