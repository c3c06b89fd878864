import { describe, expect, it } from 'vitest';
import { ContainerImage, type Pipeline } from '../../../src/model/index.js';
import { labelledBuildsInScript } from '../../../src/providers/analysis/build-commands.js';
import { analyseDockerfile, analysePipelineFile, applyCiImageLabels } from '../../../src/providers/analysis/index.js';

const SRC = 'org.opencontainers.image.source';
const REV = 'org.opencontainers.image.revision';
const CREATED = 'org.opencontainers.image.created';
const ids = { provider: 'local', idPrefix: 'local:' };

describe('labelled builds in scripts', () => {
  it('reads --label keys and the Dockerfile from docker, buildx, podman, buildah and kaniko commands', () => {
    const script = [
      'echo start',
      `docker build --label ${SRC}=$CI_PROJECT_URL --label="${REV}=$CI_COMMIT_SHA" -t app:1 ./api`,
      `docker buildx build --platform linux/amd64 \\`,
      `  --label ${CREATED}=$(date) \\`,
      '  -f build/Dockerfile.prod .',
      `podman build --file=Containerfile --label ${SRC}=x .`,
      `buildah bud --label ${SRC}=x -f $DOCKERFILE .`,
      `/kaniko/executor --context $CI_PROJECT_DIR/web --dockerfile Dockerfile --label ${SRC}=x`,
      `docker buildx bake --set *.labels.${REV}=abc`,
      'docker build --label maintainer=ops -t app .',
    ].join('\n');
    expect(labelledBuildsInScript(script)).toEqual([
      { labelKeys: [REV, SRC], via: 'docker build --label', lineOffset: 1, dockerfile: 'api/Dockerfile' },
      { labelKeys: [CREATED], via: 'docker buildx build --label', lineOffset: 2, dockerfile: 'build/Dockerfile.prod' },
      { labelKeys: [SRC], via: 'podman build --label', lineOffset: 5, dockerfile: 'Containerfile' },
      // -f through a variable: which Dockerfile cannot be told.
      { labelKeys: [SRC], via: 'buildah bud --label', lineOffset: 6 },
      { labelKeys: [SRC], via: 'kaniko executor --label', lineOffset: 7, dockerfile: 'web/Dockerfile' },
      { labelKeys: [REV], via: 'docker buildx bake --label', lineOffset: 8 },
    ]);
  });

  it('ignores builds without OCI labels and paths outside the repository', () => {
    expect(labelledBuildsInScript('docker build -t x .\nnpm run build -- --label x')).toEqual([]);
    expect(labelledBuildsInScript(`docker build -f ../other/Dockerfile --label ${SRC}=x ..`)).toEqual([{ labelKeys: [SRC], via: 'docker build --label', lineOffset: 0 }]);
  });
});

describe('labelled builds in pipelines', () => {
  it('GitHub: metadata-action labels into build-push-action or bake-action, and literal labels inputs', async () => {
    const p = await analysePipelineFile(
      {
        path: '.github/workflows/img.yml',
        text: `on: push
permissions: {}
jobs:
  a:
    steps:
      - uses: docker/build-push-action@v6
        with:
          labels: \${{ steps.meta.outputs.labels }}
      - id: meta
        uses: docker/metadata-action@v5
      - uses: docker/build-push-action@v6
        with:
          file: services/api/Dockerfile
          labels: \${{ steps.meta.outputs.labels }}
      - uses: docker/build-push-action@v6
        with:
          context: worker
          labels: |
            ${SRC}=https://example.com/acme/app
            maintainer=ops
      - uses: docker/bake-action@v6
        with:
          files: |
            ./docker-bake.hcl
            \${{ steps.meta.outputs.bake-file }}
`,
      },
      ids,
    );
    const builds = (p.imageBuilds ?? []).map((b) => ({ ...b, labelKeys: b.labelKeys.filter((k) => [SRC, REV, CREATED].includes(k)) }));
    expect(builds).toEqual([
      // The first build reads a metadata step that has not run yet: no labels.
      { labelKeys: [CREATED, REV, SRC], via: 'docker/metadata-action labels into docker/build-push-action', dockerfile: 'services/api/Dockerfile', line: 11, column: 15 },
      { labelKeys: [SRC], via: 'docker/build-push-action labels', dockerfile: 'worker/Dockerfile', line: 15, column: 15 },
      { labelKeys: [CREATED, REV, SRC], via: 'docker/metadata-action bake file into docker/bake-action', line: 21, column: 15 },
    ]);
  });

  it('Azure: Docker@2 arguments and script steps; GitLab: job scripts through extends, once per place', async () => {
    const azure = await analysePipelineFile(
      {
        path: 'azure-pipelines.yml',
        text: `steps:
  - task: Docker@2
    inputs:
      command: build
      Dockerfile: deploy/Dockerfile
      arguments: --label ${SRC}=$(Build.Repository.Uri) --label ${REV}=$(Build.SourceVersion)
  - bash: docker build --label ${CREATED}=now .
`,
      },
      ids,
    );
    expect(azure.imageBuilds).toEqual([
      { labelKeys: [REV, SRC], via: 'Docker@2 task arguments --label', dockerfile: 'deploy/Dockerfile', line: 6, column: 18 },
      { labelKeys: [CREATED], via: 'docker build --label', dockerfile: 'Dockerfile', line: 7, column: 11 },
    ]);
    const gitlab = await analysePipelineFile(
      { path: '.gitlab-ci.yml', text: `.build:\n  script:\n    - docker build --label ${SRC}=$CI_PROJECT_URL .\na:\n  extends: .build\nb:\n  extends: .build\n` },
      ids,
    );
    expect(gitlab.imageBuilds).toEqual([{ labelKeys: [SRC], via: 'docker build --label', dockerfile: 'Dockerfile', line: 3, column: 7 }]);
  });
});

describe('applyCiImageLabels', () => {
  const image = async (path: string, text = 'FROM alpine:3.20\n') => analyseDockerfile({ path, text }, ids);
  const pipeline = (builds: NonNullable<Pipeline['imageBuilds']>): Pipeline => ({ id: 'local:ci', kind: 'pipeline', provider: 'local', name: 'ci.yml', path: 'ci.yml', platform: 'gitlab-ci', imageBuilds: builds });

  it('labels the Dockerfile a build names, keeping the Dockerfile’s own values', async () => {
    const images = [await image('Dockerfile'), await image('api/Dockerfile', `FROM alpine:3.20\nLABEL ${SRC}=https://example.com/src\n`)];
    applyCiImageLabels(images, [pipeline([{ dockerfile: 'api/Dockerfile', labelKeys: [SRC, REV], via: 'docker build --label', line: 4, column: 7 }])]);
    expect(images[0]!.labelKeys).toEqual([]);
    expect(images[1]!.labelKeys).toEqual([SRC, REV]);
    expect(images[1]!.labels).toEqual({ [SRC]: 'https://example.com/src', [REV]: 'set at build time by ci.yml:4:7' });
    expect(images[1]!.labelsFromCi).toEqual([{ name: 'ci.yml:4:7 (docker build --label)', keys: [SRC, REV], via: 'docker build --label', path: 'ci.yml', line: 4, column: 7 }]);
    for (const i of images) expect(() => ContainerImage.parse(i)).not.toThrow();
  });

  it('applies a build that names no Dockerfile (or one not in the repository) to the root Dockerfile, else the only one, else none', async () => {
    const withRoot = [await image('Dockerfile'), await image('b/Dockerfile')];
    applyCiImageLabels(withRoot, [pipeline([{ dockerfile: 'missing/Dockerfile', labelKeys: [SRC], via: 'x' }])]);
    expect(withRoot.map((i) => i.labelKeys)).toEqual([[SRC], []]);

    const only = [await image('svc/Containerfile')];
    applyCiImageLabels(only, [pipeline([{ labelKeys: [SRC], via: 'x' }])]);
    expect(only[0]!.labelKeys).toEqual([SRC]);

    const several = [await image('a/Dockerfile'), await image('b/Dockerfile')];
    applyCiImageLabels(several, [pipeline([{ labelKeys: [SRC], via: 'x' }])]);
    expect(several.map((i) => i.labelKeys)).toEqual([[], []]);
  });

  it('leaves an image that was not analysed (malformed) unknown', async () => {
    const broken = await image('Dockerfile', 'RUN make\n');
    expect(broken.gaps?.['*']?.reason).toBe('malformed');
    applyCiImageLabels([broken], [pipeline([{ labelKeys: [SRC], via: 'x' }])]);
    expect(broken.labelKeys).toBeUndefined();
  });
});
