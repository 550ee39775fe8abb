import { GraphQLError } from 'graphql';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { StaffOnly } from '../../shared/auth/access';
import { MetricsRangeError, type MetricsService } from './metrics.service';
import { Metrics } from './metrics.types';

@Resolver()
export class MetricsResolver {
  constructor(private readonly service: MetricsService) {}

  @Query(() => Metrics, {
    description:
      'The owner’s figures over calendar days in the business time zone: from..to inclusive (today: from = to = today; this week: from Monday). Without from, the `days` days ending on `to` (default today).',
  })
  @StaffOnly()
  async metrics(
    @Arg('from', () => String, { nullable: true, description: 'First day, YYYY-MM-DD.' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Last day, YYYY-MM-DD; default today.' }) to: string | null,
    @Arg('days', () => Int, { defaultValue: 7, description: 'Without from: how many days ending on `to`, 1 to 366.' }) days: number,
  ): Promise<Metrics> {
    try {
      return await this.service.metrics({ from, to, days });
    } catch (error) {
      if (error instanceof MetricsRangeError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argumentName: error.argumentName } });
      throw error;
    }
  }
}
