import type { Config } from '../../app/config';
import type { Logger } from '../../shared/logger';
import type { MessageAnalyzer } from './assistant.port';
import { LocalMessageAnalyzer } from './local.analyzer';
import { OpenAiMessageAnalyzer } from '../../providers/openai/openai.analyzer';

/** OpenAI when OPENAI_API_KEY is set (with the local engine as its safety net), else the local engine. */
export function createMessageAnalyzer(config: Config['assistant'], logger: Logger): MessageAnalyzer {
  const local = new LocalMessageAnalyzer();
  if (!config.openai) return local;
  return new OpenAiMessageAnalyzer({
    ...config.openai,
    fallback: local,
    onFallback: (reason) => logger.warn({ reason }, 'OpenAI analysis unusable; the local engine answered'),
  });
}
