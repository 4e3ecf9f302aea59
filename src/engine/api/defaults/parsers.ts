// Container image references: the grammar kubectl run checks `--image` against, and the tag
// lookup the apiserver's imagePullPolicy defaulting does.
// Mirrors: github.com/distribution/reference (regexp.go ReferenceRegexp, normalize.go
// ParseNormalizedNamed: docker.io/library/ defaults, lowercase repository rule, 255-byte name
// limit) and kubernetes pkg/util/parsers/parsers.go (ParseImageName: tag "latest" when neither a
// tag nor a digest is given).
// Left out: digest algorithm registration checks beyond the grammar (sha256 length is checked).

const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]'
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`
const host = `(?:${domainName}|${ipv6address})`
const domainAndPort = `${host}(?::[0-9]+)?`
const tag = '[\\w][\\w.-]{0,127}'
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}'
const remoteName = `${pathComponent}(?:/${pathComponent})*`
const namePat = `(?:${domainAndPort}/)?${remoteName}`

/** reference.ReferenceRegexp, anchored: what `kubectl run --image` must match. */
export const referenceRegexp = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`)

const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/
const NAME_TOTAL_LENGTH_MAX = 255
const DEFAULT_DOMAIN = 'docker.io'
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io'
const OFFICIAL_REPO_PREFIX = 'library/'

/** ErrReferenceInvalidFormat's text. */
export const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format'

/** A parsed, normalized reference: docker.io/library/nginx:1.25@sha256:... */
export interface ImageReference {
  /** Fully qualified repository name (Named.Name()): `docker.io/library/nginx`. */
  name: string
  domain: string
  path: string
  tag?: string
  digest?: string
}

/** splitDockerDomain: the registry part, defaulting to docker.io and library/ for official images. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/')
  let domain: string
  let remainder: string
  if (i === -1 || (!/[.:]/.test(name.slice(0, i)) && name.slice(0, i) !== 'localhost' && name.slice(0, i).toLowerCase() === name.slice(0, i))) {
    domain = DEFAULT_DOMAIN
    remainder = name
  } else {
    domain = name.slice(0, i)
    remainder = name.slice(i + 1)
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder
  return { domain, remainder }
}

/**
 * ParseNormalizedNamed: a reference as Docker understands a short name. Returns the error text
 * upstream returns on failure.
 */
export function parseNormalizedNamed(s: string): ImageReference | { error: string } {
  if (anchoredIdentifierRegexp.test(s)) return { error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` }
  const { domain, remainder } = splitDockerDomain(s)
  const tagSep = remainder.indexOf(':')
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder
  if (remote.toLowerCase() !== remote) return { error: `invalid reference format: repository name (${remote}) must be lowercase` }
  const full = `${domain}/${remainder}`
  const m = referenceRegexp.exec(full)
  if (!m) return { error: ERR_REFERENCE_INVALID_FORMAT }
  const name = m[1]
  if (name.length > NAME_TOTAL_LENGTH_MAX) return { error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` }
  const digest = m[3]
  if (digest !== undefined && digest.startsWith('sha256:') && digest.length !== 'sha256:'.length + 64) return { error: 'invalid checksum digest length' }
  const slash = name.indexOf('/')
  const ref: ImageReference = { name, domain: name.slice(0, slash), path: name.slice(slash + 1) }
  if (m[2] !== undefined) ref.tag = m[2]
  if (digest !== undefined) ref.digest = digest
  return ref
}

/**
 * parsers.ParseImageName: repository, tag and digest, with the tag "latest" when the image names
 * neither a tag nor a digest.
 */
export function parseImageName(image: string): { repoToPull: string; tag: string; digest: string } | { error: string } {
  const named = parseNormalizedNamed(image)
  if ('error' in named) return { error: `couldn't parse image name ${JSON.stringify(image)}: ${named.error}` }
  let t = named.tag ?? ''
  const digest = named.digest ?? ''
  if (t.length === 0 && digest.length === 0) t = 'latest'
  return { repoToPull: named.name, tag: t, digest }
}
