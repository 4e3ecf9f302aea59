// kubectl's printing of errors that may be aggregates (cmdutil.CheckErr, MultipleErrors,
// utilerrors.Aggregate's Error()) as create/apply produce them.

import { describe, expect, it } from 'vitest'
import { newAlreadyExists, newInvalid } from '../../../api/errors'
import { FieldError } from '../../../api/validation/field'
import { checkErrText, errorString, reduceErrors, type CmdError } from './createCmdutil'

const exists = newAlreadyExists({ group: '', resource: 'pods' }, 'web')
const invalid = newInvalid({ group: '', kind: 'Pod' }, 'web', [new FieldError('FieldValueRequired', 'spec.containers[0].image', undefined, '')])

describe('checkErrText', () => {
  it('one error: the standard message, Invalid in its own form, text with "error: "', () => {
    expect(checkErrText(exists)).toBe('Error from server (AlreadyExists): pods "web" already exists')
    expect(checkErrText(invalid)).toBe('The Pod "web" is invalid: spec.containers[0].image: Required value')
    expect(checkErrText('the path "x" does not exist')).toBe('error: the path "x" does not exist')
  })

  it('an aggregate of one is unwrapped once', () => {
    expect(checkErrText([invalid])).toBe('The Pod "web" is invalid: spec.containers[0].image: Required value')
    // ...but only once: an aggregate inside prints as a line, without "error: ".
    expect(checkErrText([['unable to recognize "x.yaml": no matches for kind "Foo" in version "v1"']])).toBe('unable to recognize "x.yaml": no matches for kind "Foo" in version "v1"')
  })

  it('several errors: one line each; Invalid as a standard message; nested aggregates as [a, b]', () => {
    const err: CmdError = [exists, invalid, ['a', 'b', 'a'], { kind: 'url', url: 'http://h/x.yaml', err: 'dial tcp: lookup h: no such host' }]
    expect(checkErrText(err)).toBe(
      'Error from server (AlreadyExists): pods "web" already exists\n' +
        'Error from server (Invalid): Pod "web" is invalid: spec.containers[0].image: Required value\n' +
        '[a, b]\n' +
        'Unable to connect to the server: dial tcp: lookup h: no such host',
    )
  })

  it('errorString flattens nested aggregates and drops repeats', () => {
    expect(errorString([['a', ['b', 'a']], 'c'])).toBe('[a, b, c]')
    expect(errorString([['a']])).toBe('a')
  })

  it('reduceErrors: ContinueOnErrorVisitor returns one error alone', () => {
    expect(reduceErrors([])).toBeUndefined()
    expect(reduceErrors(['x'])).toBe('x')
    expect(reduceErrors(['x', 'y'])).toEqual(['x', 'y'])
  })
})
