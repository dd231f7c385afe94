import { parse as parseQueryString } from 'node:querystring'
import type { FastifyRequest } from 'fastify'
import { requestSchemaIdOf, type EndpointName } from '../../contracts/endpoints.js'
import { parametersOf } from '../../contracts/parameters.js'
import { validateRequest } from '../../contracts/request-validators.js'
import type { ContractViolation } from '../../contracts/violations.js'
import { ApiError } from './api-error.js'

/** Parameters as sent: a name given more than once has several values. */
export type RawParams = Record<string, string | string[] | undefined>

/**
 * Parses a query string or form-encoded body. `node:querystring` is lenient: a bad percent
 * escape stays as typed instead of failing the request.
 *
 * @example
 * parseParams('ver=2.0&ei=1087592') // { ver: '2.0', ei: '1087592' }
 */
export function parseParams (text: string): RawParams {
  return parseQueryString(text)
}

/**
 * Collects a request's parameters from its query string and its form-encoded body. A name in
 * both places counts as given twice; an empty value counts as absent.
 */
export function collectParams (request: FastifyRequest): RawParams {
  const merged: RawParams = {}
  for (const source of [request.query, request.body]) {
    if (source === null || typeof source !== 'object') continue
    for (const [name, value] of Object.entries(source as RawParams)) {
      if (value === undefined || value === '') continue
      const previous = merged[name]
      if (previous === undefined && typeof value === 'string') {
        merged[name] = value
        continue
      }
      const all = [...(previous === undefined ? [] : [previous].flat()), ...[value].flat().filter((v) => v !== '')]
      if (all.length > 0) merged[name] = all.length === 1 ? all[0] : all
    }
  }
  return merged
}

/**
 * Checks parameters against an endpoint's request contract and throws the API error the first
 * problem calls for: a missing parameter first, then the first bad one in the registry's order.
 *
 * @example
 * const params = checkParams('login', collectParams(request))
 */
export function checkParams (endpoint: EndpointName, raw: RawParams): Record<string, string> {
  const violations = validateRequest(requestSchemaIdOf(endpoint), raw)
  const order: readonly string[] = parametersOf(endpoint)
  const first = [...violations].sort((a, b) => rank(a, order) - rank(b, order))[0]
  if (first !== undefined) throw errorFor(first, raw)
  return raw as Record<string, string>
}

function rank (violation: ContractViolation, order: readonly string[]): number {
  const name = parameterOf(violation)
  const position = name === undefined ? order.length : order.indexOf(name)
  return (violation.keyword === 'required' ? 0 : 1000) + position
}

function parameterOf (violation: ContractViolation): string | undefined {
  return violation.property ?? violation.path.split('/')[1]
}

function errorFor (violation: ContractViolation, raw: RawParams): ApiError {
  const parameter = parameterOf(violation) ?? ''
  if (violation.keyword === 'required') {
    return new ApiError('missing_parameter', { parameter, detail: `Send ${parameter}.` })
  }
  if (Array.isArray(raw[parameter])) {
    return new ApiError('invalid_parameter', { parameter, detail: `${parameter} must be given once.` })
  }
  if (parameter === 'ver') return new ApiError('unsupported_version', { parameter })
  const problem = violation.expected === undefined ? violation.message : `must be ${violation.expected}`
  return new ApiError('invalid_parameter', { parameter, detail: `${parameter} ${problem}.` })
}
