// k8s.io/apimachinery/pkg/version.Info: what GET /version returns and `kubectl version` prints,
// in its Go field order (1.32 has no emulation fields yet).

export interface VersionInfo {
  major: string
  minor: string
  gitVersion: string
  gitCommit: string
  gitTreeState: string
  buildDate: string
  goVersion: string
  compiler: string
  platform: string
}
