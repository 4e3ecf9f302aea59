// GET /version: the build of the running kube-apiserver (k8s.io/apimachinery pkg/version.Info,
// in its Go field order; 1.32 has no emulation fields yet).
// Mirrors: k8s.io/apiserver pkg/server/routes/version.go (the handler) and
// k8s.io/component-base/version (Get: the values the release build stamps in with -ldflags).
// The values of each release are data: the official build of that tag (its commit, build date and
// Go version), for the one platform the simulated kind node runs (linux/amd64).

import type { VersionInfo } from '../api/versionInfo'



/** What the official release builds of kube-apiserver report, by tag. */
const RELEASE_BUILDS: Readonly<Record<string, { gitCommit: string; buildDate: string; goVersion: string }>> = {
  'v1.32.2': { gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f', buildDate: '2025-02-12T21:19:47Z', goVersion: 'go1.23.6' },
}

/** The version.Info of a released kube-apiserver build; throws for a tag it has no build data for. */
export function kubeApiserverVersion(gitVersion: string): VersionInfo {
  const build = RELEASE_BUILDS[gitVersion]
  const m = /^v(\d+)\.(\d+)\.\d+$/.exec(gitVersion)
  if (!build || !m) throw new Error(`no release build data for kube-apiserver ${gitVersion}: add it to RELEASE_BUILDS`)
  return {
    major: m[1],
    minor: m[2],
    gitVersion,
    gitCommit: build.gitCommit,
    gitTreeState: 'clean',
    buildDate: build.buildDate,
    goVersion: build.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  }
}
