import type { Resource } from '../../server/src/engine/model';
import type { RuleContext } from '../../server/src/engine/rule';
import { getProperty, type Node } from '../../server/src/engine/tree';
import { samEvents, samGlobal, type SamEvent } from './sam';
import { textOf } from './values';

/** The resource types that create an API Gateway stage, for `meta.resourceTypes`. */
export const REST_STAGE_TYPES = ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::Serverless::Api'];
export const V2_STAGE_TYPES = ['AWS::ApiGatewayV2::Stage', 'AWS::Serverless::HttpApi'];

/** One stage a resource creates, and where its settings are written. */
export interface Stage {
  readonly protocol: 'REST' | 'HTTP' | 'WEBSOCKET';
  /**
   * The path under Properties where the stage settings start: '' for a stage or a SAM API,
   * `StageDescription.` for a deployment that creates its stage.
   */
  readonly prefix: string;
  /** SAM's `Globals` section for this kind of API (`Api`, `HttpApi`), whose settings apply where the resource sets none. */
  readonly globals: string | undefined;
}

/**
 * The stage a resource creates, or undefined: a deployment without `StageName` creates none, and
 * a v2 stage of an API whose protocol is not known (an API from another stack) is left alone by
 * rules that depend on it.
 */
export function stageOf(resource: Resource, context: RuleContext): Stage | undefined {
  switch (resource.type) {
    case 'AWS::ApiGateway::Stage':
      return { protocol: 'REST', prefix: '', globals: undefined };
    case 'AWS::Serverless::Api':
      return { protocol: 'REST', prefix: '', globals: 'Api' };
    case 'AWS::ApiGateway::Deployment':
      // A deployment names its stage to create it; StageDescription then holds the stage's settings.
      return resource.properties?.byKey.has('StageName') ? { protocol: 'REST', prefix: 'StageDescription.', globals: undefined } : undefined;
    case 'AWS::Serverless::HttpApi':
      return { protocol: 'HTTP', prefix: '', globals: 'HttpApi' };
    case 'AWS::ApiGatewayV2::Stage': {
      const api = context.facts?.targetOf(getProperty(resource.properties, 'ApiId'));
      const protocol = api?.type === 'AWS::ApiGatewayV2::Api' ? textOf(getProperty(api.properties, 'ProtocolType'), context.evaluator)?.toUpperCase() : undefined;
      // An API from elsewhere: access logs apply to both protocols, so the stage is still a stage.
      return { protocol: protocol === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP', prefix: '', globals: undefined };
    }
  }
  return undefined;
}

/** Whether a v2 stage's API is known to be a WebSocket API (the only kind with execution logs). */
export function isWebSocketStage(resource: Resource, context: RuleContext): boolean {
  if (resource.type !== 'AWS::ApiGatewayV2::Stage') return false;
  const api = context.facts?.targetOf(getProperty(resource.properties, 'ApiId'));
  return api?.type === 'AWS::ApiGatewayV2::Api' && textOf(getProperty(api.properties, 'ProtocolType'), context.evaluator)?.toUpperCase() === 'WEBSOCKET';
}

/** The setting of SAM's Globals that applies to a resource lacking `property`, or undefined. */
export function stageGlobal(resource: Resource, stage: Stage, property: string, context: RuleContext): Node | undefined {
  if (!stage.globals || resource.properties?.byKey.has(property)) return undefined;
  return samGlobal(context.template, stage.globals, property);
}

/**
 * The event through which SAM creates its implicit API (`ServerlessRestApi`, `ServerlessHttpApi`):
 * an `Api` event without `RestApiId`, an `HttpApi` event without `ApiId`. That API takes its
 * settings from `Globals` only. Returned for the first such event of the template, so that the
 * API is reported once, on the function that brings it in.
 */
export function implicitApiEvent(resource: Resource, type: 'Api' | 'HttpApi', context: RuleContext): SamEvent | undefined {
  const explicit = type === 'Api' ? 'RestApiId' : 'ApiId';
  for (const fn of context.template?.resources ?? []) {
    if (fn.type !== 'AWS::Serverless::Function') continue;
    const event = samEvents(fn, type).find((e) => !e.properties?.byKey.has(explicit));
    if (event) return fn === resource ? event : undefined;
  }
  return undefined;
}
