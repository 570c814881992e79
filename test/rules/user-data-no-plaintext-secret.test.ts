import rule from '../../rules/identity-and-access-management/user-data-no-plaintext-secret';
import { testRule } from '../helpers/rule-tester';

const instance = (userData: string, head = '') => `${head}Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-1\n      UserData:\n${userData}`;

testRule(rule, {
  valid: [
    { name: 'a script that fetches its secrets', code: instance('        Fn::Base64: |\n          #!/bin/bash\n          DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)\n          TOKEN=`curl -s -X PUT http://169.254.169.254/latest/api/token`\n          curl -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/\n') },
    { name: 'a parameter substituted with !Sub', code: instance('        Fn::Base64: !Sub |\n          #!/bin/bash\n          export DB_PASSWORD=${DbPassword}\n          echo "password: ${DbPassword}" > /etc/app.yaml\n', 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n') },
    { name: 'a parameter joined in with !Join', code: instance("        Fn::Base64: !Join ['', ['#!/bin/bash\\n', 'export API_TOKEN=', !Ref ApiToken, '\\n']]\n") },
    { name: 'settings that are not secrets', code: instance('        Fn::Base64: |\n          #!/bin/bash\n          export REGION=eu-west-1 PASSWORD_LENGTH=32 SECRET_NAME=app/db\n          /opt/aws/bin/cfn-init -v --stack stack --resource Web --region eu-west-1\n') },
    { name: 'a launch template without user data', code: 'Resources:\n  Template:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        ImageId: ami-1\n' },
  ],
  invalid: [
    {
      name: 'a password assigned in a block script',
      code: instance('        Fn::Base64: |\n          #!/bin/bash\n          export DB_PASSWORD=Winter2024!\n'),
      findings: [{ range: '7:21-9:41', message: 'Web UserData holds a password (DB_PASSWORD) in plain text: have the script read it from Secrets Manager or SSM when it runs.' }],
      output: null,
    },
    {
      name: 'a private key in a !Sub script, and an access key in a !Join piece',
      code: instance("        Fn::Base64: !Join\n          - ''\n          - - !Sub \"#!/bin/bash\\necho '-----BEGIN RSA PRIVATE KEY-----\\nMIIEow' > /root/.ssh/id_rsa\\n\"\n            - 'aws configure set aws_access_key_id AKIA2OGYBAH6QEXAMPL3\\n'\n"),
      findings: [
        { range: '9:20-9:103', message: 'Web UserData holds a private key in plain text: have the script read it from Secrets Manager or SSM when it runs.' },
        { range: '10:15-10:75', message: 'Web UserData holds an AWS access key ID in plain text: have the script read it from Secrets Manager or SSM when it runs.' },
      ],
      output: null,
    },
    {
      name: 'user data already encoded in base64',
      code: instance(`        ${btoa('#!/bin/bash\nexport GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyz\n')}\n`),
      findings: [{ range: '7:9-7:109', message: 'Web UserData holds a GitHub token in plain text: have the script read it from Secrets Manager or SSM when it runs.' }],
      output: null,
    },
    {
      name: 'a launch template in one branch of !If, JSON',
      file: 't.json',
      code: '{"Resources": {"Template": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"UserData": {"Fn::If": ["Prod", {"Fn::Base64": "#!/bin/bash\\nmysql --password=hunter2hunter2 app"}, {"Ref": "AWS::NoValue"}]}}}}}}',
      findings: [{ range: '1:150-1:200', message: 'Template LaunchTemplateData.UserData holds a password (password) in plain text: have the script read it from Secrets Manager or SSM when it runs.' }],
      output: null,
    },
  ],
});
