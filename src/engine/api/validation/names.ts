// Syntax checks for names, label keys and values, ports and env vars, each returning the list of
// messages upstream returns (empty when valid).
// Mirrors: k8s.io/apimachinery pkg/util/validation/validation.go (v0.32) and the name functions
// of pkg/api/validation/generic.go (NameIsDNSSubdomain, NameIsDNSLabel, NameIsDNS1035Label).
// Lengths are Go len(): UTF-8 bytes. Regexes are anchored as upstream anchors them (^...$, and
// Go's $ only matches at the very end, as JavaScript's does without the m flag).
// Left out: IP/CIDR validation, IsValidSocketAddr, IsDNS1123SubdomainWithUnderscore.

import { FieldError, invalid, required, utf8Length, type FieldPath } from './field'

const qnameCharFmt = '[A-Za-z0-9]'
const qnameExtCharFmt = '[-A-Za-z0-9_.]'
export const qualifiedNameFmt = `(${qnameCharFmt}${qnameExtCharFmt}*)?${qnameCharFmt}`
const qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const qualifiedNameMaxLength = 63
const qualifiedNameRegexp = new RegExp(`^${qualifiedNameFmt}$`)

export const labelValueFmt = `(${qualifiedNameFmt})?`
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
export const LABEL_VALUE_MAX_LENGTH = 63
const labelValueRegexp = new RegExp(`^${labelValueFmt}$`)

export const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
export const DNS1123_LABEL_MAX_LENGTH = 63
const dns1123LabelRegexp = new RegExp(`^${dns1123LabelFmt}$`)

export const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`
const dns1123SubdomainErrorMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`)

export const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?'
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
export const DNS1035_LABEL_MAX_LENGTH = 63
const dns1035LabelRegexp = new RegExp(`^${dns1035LabelFmt}$`)

const wildcardDNS1123SubdomainFmt = `\\*\\.${dns1123SubdomainFmt}`
const wildcardDNS1123SubdomainErrMsg =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"
const wildcardDNS1123SubdomainRegexp = new RegExp(`^${wildcardDNS1123SubdomainFmt}$`)

const configMapKeyFmt = '[-._a-zA-Z0-9]+'
const configMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'"
const configMapKeyRegexp = new RegExp(`^${configMapKeyFmt}$`)

const envVarNameFmt = '[-._a-zA-Z][-._a-zA-Z0-9]*'
const envVarNameFmtErrMsg =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"
const relaxedEnvVarNameFmtErrMsg = "a valid environment variable name must consist only of printable ASCII characters other than '='"
const envVarNameRegexp = new RegExp(`^${envVarNameFmt}$`)

const percentFmt = '[0-9]+%'
const percentErrMsg = "a valid percent string must be a numeric string followed by an ending '%'"
const percentRegexp = new RegExp(`^${percentFmt}$`)

const httpHeaderNameFmt = '[-A-Za-z0-9]+'
const httpHeaderNameErrMsg = "a valid HTTP header must consist of alphanumeric characters or '-'"
const httpHeaderNameRegexp = new RegExp(`^${httpHeaderNameFmt}$`)

const portNameCharsetRegex = /^[-a-z0-9]+$/
const portNameOneLetterRegexp = /[a-z]/

const MAX_INT32 = 2147483647

// ---- message builders ----

/** EmptyError(). */
export function emptyError(): string {
  return 'must be non-empty'
}

/** MaxLenError(n). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`
}

/** InclusiveRangeError(lo, hi). */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

/**
 * RegexError(msg, fmt, examples...). Upstream appends `', '` after each example and puts ` or `
 * before every example but the first, hence the double space: `'my-name',  or '123-abc', ...`
 * (checked against kubectl 1.32's own label-value error).
 */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  let out = `${msg} (e.g. `
  examples.forEach((ex, i) => {
    if (i > 0) out += ' or '
    out += `'${ex}', `
  })
  return `${out}regex used for validation is '${fmt}')`
}

function prefixEach(msgs: string[], prefix: string): string[] {
  return msgs.map((m) => prefix + m)
}

// ---- the checks ----

/** IsQualifiedName: label keys, annotation keys, finalizers: `[prefix/]name`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  switch (parts.length) {
    case 1:
      name = parts[0]
      break
    case 2: {
      const prefix = parts[0]
      name = parts[1]
      if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`)
      else {
        const msgs = isDNS1123Subdomain(prefix)
        if (msgs.length !== 0) errs.push(...prefixEach(msgs, 'prefix part '))
      }
      break
    }
    default:
      return [
        ...errs,
        `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ]
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`)
  else if (utf8Length(name) > qualifiedNameMaxLength) errs.push(`name part ${maxLenError(qualifiedNameMaxLength)}`)
  if (!qualifiedNameRegexp.test(name)) errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

/** IsFullyQualifiedName: a DNS subdomain with at least three dot-separated segments. */
export function isFullyQualifiedName(fldPath: FieldPath | string, name: string): FieldError[] {
  if (name.length === 0) return [required(fldPath, '')]
  const errs = isDNS1123Subdomain(name)
  if (errs.length > 0) return [invalid(fldPath, name, errs.join(','))]
  if (name.split('.').length < 3) return [invalid(fldPath, name, 'should be a domain with at least three segments separated by dots')]
  return []
}

/** IsFullyQualifiedDomainName: two segments at least, one trailing dot allowed. */
export function isFullyQualifiedDomainName(fldPath: FieldPath | string, name: string): FieldError[] {
  if (name.length === 0) return [required(fldPath, '')]
  const hostname = name.endsWith('.') ? name.slice(0, -1) : name
  const errs = isDNS1123Subdomain(hostname)
  if (errs.length > 0) return [invalid(fldPath, name, errs.join(','))]
  if (hostname.split('.').length < 2) return [invalid(fldPath, name, 'should be a domain with at least two segments separated by dots')]
  for (const label of hostname.split('.')) {
    const labelErrs = isDNS1123Label(label)
    if (labelErrs.length > 0) return [invalid(fldPath, label, labelErrs.join(','))]
  }
  return []
}

/** IsValidLabelValue: empty, or ≤ 63 chars of [-A-Za-z0-9_.] starting and ending alphanumeric. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = []
  if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH))
  if (!labelValueRegexp.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'))
  return errs
}

/** IsDNS1123Label: namespaces, container and port names. A valid subdomain gets `must not contain dots`. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH))
  if (!dns1123LabelRegexp.test(value)) {
    if (dns1123SubdomainRegexp.test(value)) errs.push('must not contain dots')
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'))
  }
  return errs
}

/** IsDNS1123Subdomain: most object names (Pod, Deployment, ConfigMap, ...). */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH))
  if (!dns1123SubdomainRegexp.test(value)) errs.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, 'example.com'))
  return errs
}

/** IsDNS1035Label: Service names. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (utf8Length(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH))
  if (!dns1035LabelRegexp.test(value)) errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'))
  return errs
}

/** IsWildcardDNS1123Subdomain: `*.example.com` (Ingress hosts). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH))
  if (!wildcardDNS1123SubdomainRegexp.test(value)) {
    errs.push(regexError(wildcardDNS1123SubdomainErrMsg, wildcardDNS1123SubdomainFmt, '*.example.com'))
  }
  return errs
}

/** IsValidPortNum: 1..65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

/** IsInRange. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)]
}

/** IsValidGroupID: 0..MaxInt32. */
export function isValidGroupID(gid: number): string[] {
  return gid >= 0 && gid <= MAX_INT32 ? [] : [inclusiveRangeError(0, MAX_INT32)]
}

/** IsValidUserID: 0..MaxInt32. */
export function isValidUserID(uid: number): string[] {
  return uid >= 0 && uid <= MAX_INT32 ? [] : [inclusiveRangeError(0, MAX_INT32)]
}

/** IsValidPortName: an IANA_SVC_NAME (≤ 15 chars, a-z0-9 and '-', at least one letter). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (utf8Length(port) > 15) errs.push(maxLenError(15))
  if (!portNameCharsetRegex.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!portNameOneLetterRegexp.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen')
  return errs
}

/** IsEnvVarName: what kubectl run accepts in --env (and the apiserver without relaxed validation). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (!envVarNameRegexp.test(value)) errs.push(regexError(envVarNameFmtErrMsg, envVarNameFmt, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'))
  errs.push(...hasChDirPrefix(value))
  return errs
}

/**
 * IsRelaxedEnvVarName: printable ASCII other than '='. The apiserver uses this in 1.32 (the
 * RelaxedEnvironmentVariableValidation gate is beta and on).
 */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`)
  for (const ch of value) {
    const cp = ch.codePointAt(0) as number
    if (cp > 0x7f || cp < 0x20 || cp === 0x7f || ch === '=') {
      errs.push(relaxedEnvVarNameFmtErrMsg)
      break
    }
  }
  return errs
}

/** IsConfigMapKey: keys of ConfigMap/Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = []
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH))
  if (!configMapKeyRegexp.test(value)) errs.push(regexError(configMapKeyErrMsg, configMapKeyFmt, 'key.name', 'KEY_NAME', 'key-name'))
  errs.push(...hasChDirPrefix(value))
  return errs
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

/** IsValidPercent: `25%`. */
export function isValidPercent(percent: string): string[] {
  return percentRegexp.test(percent) ? [] : [regexError(percentErrMsg, percentFmt, '1%', '93%')]
}

/** IsHTTPHeaderName. */
export function isHTTPHeaderName(value: string): string[] {
  return httpHeaderNameRegexp.test(value) ? [] : [regexError(httpHeaderNameErrMsg, httpHeaderNameFmt, 'X-Header-Name')]
}

// ---- ValidateNameFunc implementations (pkg/api/validation/generic.go) ----

/** A name validator: `prefix` is true for generateName, whose trailing dash is then allowed. */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[]

/** maskTrailingDash: a generateName prefix may end with '-' (the random suffix follows). */
export function maskTrailingDash(name: string): string {
  if (name.length > 1 && name.endsWith('-')) return `${name.slice(0, -2)}a`
  return name
}

/** NameIsDNSSubdomain (ValidatePodName, ValidateSecretName, ...). */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)

/** NameIsDNSLabel (ValidateNamespaceName). */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name)

/** NameIsDNS1035Label (ValidateServiceName). */
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name)
