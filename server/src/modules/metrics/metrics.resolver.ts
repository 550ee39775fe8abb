import { Arg, Int, Query, Resolver } from 'type-graphql';
import { StaffOnly } from '../../shared/auth/access';
import type { MetricsService } from './metrics.service';
import { ConversationMetrics } from './metrics.types';

@Resolver()
export class MetricsResolver {
  constructor(private readonly service: MetricsService) {}

  @Query(() => ConversationMetrics, { description: 'AI booking success rate, escalation rate, and response times of the assistant and staff.' })
  @StaffOnly()
  metrics(@Arg('days', () => Int, { defaultValue: 7, description: 'Days to look back, 1 to 365.' }) days: number): Promise<ConversationMetrics> {
    return this.service.conversationMetrics(days);
  }
}

