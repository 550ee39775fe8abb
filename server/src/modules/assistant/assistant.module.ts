import type { ModuleManifest } from '../../app/module';
import { createMessageAnalyzer } from './analyzer.factory';
import type { MessageAnalyzer } from './assistant.port';

declare module '../../app/module' {
  interface ModuleServices {
    analyzer: MessageAnalyzer;
  }
}

/** The assistant's reading of a message: OpenAI when configured, else the local engine. */
export const assistantModule: ModuleManifest = {
  name: 'assistant',
  entities: [],
  resolvers: [],
  topics: [],
  create(core) {
    return { services: { analyzer: createMessageAnalyzer(core.config.assistant, core.logger) } };
  },
};
