import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SESSION_HEADER } from '@mocktopus/server'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// The Helm chart as far as it can be checked without helm: its values parsed, its templates
// read as text. .github/workflows/helm.yml runs `helm lint --strict` and `helm template`.

const root = join(import.meta.dirname, '../../../..')
const chart = join(root, 'deploy/helm/mocktopus')
const read = (path: string) => readFileSync(join(chart, path), 'utf8')

interface Values {
  image: { repository: string; tag: string }
  scenario: string
  service: { port: number }
  resources: { requests: { cpu: string; memory: string }; limits: { memory: string } }
  podSecurityContext: { runAsNonRoot: boolean; runAsUser: number }
  securityContext: {
    allowPrivilegeEscalation: boolean
    readOnlyRootFilesystem: boolean
    capabilities: { drop: string[] }
  }
  ingress: { sessionAffinity: boolean }
}
const values = parse(read('values.yaml')) as Values
const deployment = read('templates/deployment.yaml')

const mebibytes = (quantity: string) => {
  const [, amount, unit] = /^(\d+)(Mi|Gi)$/.exec(quantity) ?? []
  return Number(amount) * (unit === 'Gi' ? 1024 : 1)
}

describe('the Helm chart', () => {
  it('runs the version of the image the packages are at', () => {
    const meta = parse(read('Chart.yaml')) as {
      apiVersion: string
      name: string
      appVersion: string
    }
    const { version } = JSON.parse(
      readFileSync(join(root, 'packages/mocktopus/package.json'), 'utf8'),
    ) as { version: string }
    expect(meta).toMatchObject({ apiVersion: 'v2', name: 'mocktopus', appVersion: version })
    expect(values.image.repository).toBe('ghcr.io/evalops/mocktopus')
    expect(deployment).toContain('.Values.image.tag | default .Chart.AppVersion')
  })

  it('checks liveness and readiness on /health at the named port', () => {
    for (const probe of ['livenessProbe', 'readinessProbe']) {
      const block = deployment
        .slice(deployment.indexOf(`${probe}:`))
        .split('\n')
        .slice(0, 4)
      expect(block.join('\n'), probe).toMatch(/httpGet:\s+path: \/health\s+port: http/)
    }
  })

  it('runs as a non-root user with a read-only root and no capabilities, /tmp writable', () => {
    expect(values.podSecurityContext.runAsNonRoot).toBe(true)
    expect(values.podSecurityContext.runAsUser).toBeGreaterThan(0)
    expect(values.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    })
    expect(deployment).toContain('toYaml .Values.podSecurityContext')
    expect(deployment).toContain('toYaml .Values.securityContext')
    expect(deployment).toMatch(/- name: tmp\s+mountPath: \/tmp/)
  })

  it('asks for the resources the benchmark measured: about 50 MB idle, 120 MB with token encodings', () => {
    expect(values.resources.requests.cpu).toBe('100m')
    expect(mebibytes(values.resources.requests.memory)).toBeGreaterThanOrEqual(120)
    // The journal may hold 64 MiB of bodies on top of that.
    expect(mebibytes(values.resources.limits.memory)).toBeGreaterThanOrEqual(120 + 64)
  })

  it('serves the ConfigMap scenario at the image’s path, on all interfaces, for any Host', () => {
    expect(deployment).toMatch(
      /- serve\s+- --host\s+- 0\.0\.0\.0\s+- --port\s+- \{\{ \.Values\.service\.port \| quote \}\}\s+- --allowed-hosts\s+- all/,
    )
    expect(deployment).toMatch(/- --scenario\s+- \/scenarios\/scenario\.yaml/)
    expect(deployment).toMatch(/mountPath: \/scenarios\s+readOnly: true/)
    expect(read('templates/configmap.yaml')).toContain('scenario.yaml: |')
    const entrypoint = readFileSync(join(root, 'deploy/docker/entrypoint.cjs'), 'utf8')
    expect(entrypoint).toContain("'/scenarios/scenario.yaml'")
    expect(values.service.port).toBe(8080)
  })

  it('hashes ingress traffic on the session header, so a session stays on one replica', () => {
    expect(values.ingress.sessionAffinity).toBe(true)
    const variable = `$http_${SESSION_HEADER.replaceAll('-', '_')}`
    expect(read('templates/ingress.yaml')).toContain(
      `nginx.ingress.kubernetes.io/upstream-hash-by: "${variable}"`,
    )
  })

  it('is linted by helm in CI', () => {
    const workflow = readFileSync(join(root, '.github/workflows/helm.yml'), 'utf8')
    expect(workflow).toContain('uses: azure/setup-helm@')
    expect(workflow).toContain('helm lint --strict deploy/helm/mocktopus')
  })
})
