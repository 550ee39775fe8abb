/**
 * Every live-event topic and its payload, in one typed map. The map is empty here: each module
 * adds its own topics in its `<domain>.events.ts` (TypeScript declaration merging), so shared/
 * knows no module and a publish with the wrong payload shape still does not compile. Payloads
 * carry ids, primitives and ISO strings, so they cross Redis unchanged.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules
export interface TopicPayloads {}

export type TopicName = keyof TopicPayloads;
