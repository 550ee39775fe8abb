import type { ModuleManifest } from '../../app/module';
import { Lead, SocialComment } from './social-comment.entity';
import { SocialResolver } from './social.resolver';
import { SocialRepository } from './social.repository';
import { SocialService } from './social.service';

declare module '../../app/module' {
  interface ModuleServices {
    social: SocialService;
  }
}

/** Comments on the business's page and Instagram posts, and the leads among them. */
export const socialModule: ModuleManifest = {
  name: 'social',
  entities: [SocialComment, Lead],
  resolvers: [SocialResolver],
  topics: [],
  create(core, { analyzer }) {
    const social = new SocialService({
      uow: core.uow,
      repository: new SocialRepository(core.dataSource, core.config.graphqlMaxPageSize),
      analyzer,
      timeZone: core.config.businessTimeZone,
    });
    return { services: { social }, resolvers: [new SocialResolver(social)] };
  },
};
