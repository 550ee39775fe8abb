import type { ValidationRule } from 'graphql';
import { depthLimitRule } from '../shared/graphql/depth-limit';
import { aliasLimitRule, mutationLimitRule } from '../shared/graphql/operation-limits';
import type { QueryCostSettings } from '../shared/graphql/query-cost';
import type { Config } from './config';

/** What one operation may ask, over HTTP and WebSocket alike: checked before anything runs. */
export function operationLimitRules(config: Config): ValidationRule[] {
  return [depthLimitRule(config.graphqlMaxDepth), aliasLimitRule(config.graphqlMaxAliases), mutationLimitRule(config.graphqlMaxMutations)];
}

export function queryCostSettings(config: Config): QueryCostSettings {
  return { maxCost: config.graphqlMaxCost, maxPageSize: config.graphqlMaxPageSize };
}
