export const starterConfig = `# secpol configuration: https://github.com/secpol/secpol/blob/main/docs/configuration.md
failOn: high

# Extra policy files or directories, added to the built-in pack.
policies: []

# Per-rule overrides, keyed by rule id.
rules:
  branch.min-approvals:
    params:
      minApprovals: 1

# Accepted risks. Every waiver needs a reason and an expiry date.
waivers: []
#  - rule: branch.signed-commits
#    resource: "local:."
#    reason: Signing is being rolled out (SEC-123)
#    expires: 2027-03-31
#    approvedBy: security-team
`;

/** CI jobs that run secpol and publish SARIF, least privilege and pinned. */
export const ciTemplates = {
  github: {
    path: '.github/workflows/secpol.yml',
    text: `name: secpol
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  secpol:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0
        with:
          node-version: 20
      - run: npx --yes secpol check --format text --format sarif=secpol.sarif
      - uses: github/codeql-action/upload-sarif@ce28f5bb42b7a9f2c824e633a3f6ee835bab6858 # v3.29.0
        if: always()
        with:
          sarif_file: secpol.sarif
`,
  },
  gitlab: {
    path: 'ci/secpol.gitlab-ci.yml',
    text: `# Include from .gitlab-ci.yml:  include: { local: ci/secpol.gitlab-ci.yml }
secpol:
  image: node:20
  script:
    - npx --yes secpol check --format text --format junit=secpol-junit.xml
  artifacts:
    when: always
    reports:
      junit: secpol-junit.xml
`,
  },
  'azure-devops': {
    path: 'ci/secpol.azure-pipelines.yml',
    text: `# Reference from azure-pipelines.yml as a template, or copy the steps.
steps:
  - task: NodeTool@0
    inputs:
      versionSpec: '20.x'
  - script: npx --yes secpol check --format text --format junit=secpol-junit.xml
    displayName: secpol
  - task: PublishTestResults@2
    condition: always()
    inputs:
      testResultsFormat: JUnit
      testResultsFiles: secpol-junit.xml
`,
  },
} as const;
