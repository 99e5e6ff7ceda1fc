// Where this example deploys. Edit these three values for your own account;
// every name in project.jsonnet is derived from them.
{
  stage: 'dev',
  account: '123456789012',
  region: 'us-west-2',
}
