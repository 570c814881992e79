import * as vscode from 'vscode';

/** A small template with findings in four of the five areas, for the walkthrough's first step. */
export const EXAMPLE_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: A first look at Pillar. Hover the underlined keys and values, then press Ctrl+. (Cmd+. on macOS) on them.
Resources:
  ReportsBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: my-reports

  AdminSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: SSH for the administrators
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0

  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref ReportsBucket
`;

/** Opens the example in an untitled YAML editor: nothing is written to the workspace. */
export async function openExample(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: EXAMPLE_TEMPLATE });
  return vscode.window.showTextDocument(document);
}
