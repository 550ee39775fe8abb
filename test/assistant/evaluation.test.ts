import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTENTS, type AnalysisContext, type MessageAnalysis, type MessageAnalyzer } from '../../server/src/modules/assistant/assistant.port';
import intentModelFile from '../../server/src/modules/assistant/classifier/intent-model.json';
import { LocalMessageAnalyzer } from '../../server/src/modules/assistant/local.analyzer';
import { OpenAiMessageAnalyzer } from '../../server/src/providers/openai/openai.analyzer';
import { FakeOpenAiServer } from '../support/fake-openai-server';
import {
  BLIND_FLOOR,
  blindBelowFloor,
  evaluate,
  failedGates,
  formatReport,
  GATES,
  missedBlindTargets,
  SUMMARY_HEADER,
  summaryRow,
  type EvaluationReport,
  type LabeledDataset,
  type LabeledMessage,
} from './evaluate';

/**
 * `pnpm eval:assistant`: the assistant's engines measured on both labeled splits, separately.
 *   - training split (labeled-messages.json): what the rules and the classifier are tuned and
 *     trained on. Its gates fail the test; every miss is listed.
 *   - blind split (blind-messages.json, when this checkout has it): written by someone else
 *     before any tuning and never tuned on. Only its summary figures are printed, never its
 *     misses. It fails the test below the floor (the issue's intent and field targets, and an
 *     escalation recall of 0.95); whether every target of the issue is met is printed.
 * The OpenAI analyzer runs on both splits when OPENAI_API_KEY is set; without a key its whole
 * path runs against the local wire fake and the output says that no live figure was taken.
 */
function load(file: string): LabeledDataset {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LabeledDataset;
}

const training = load(path.join(__dirname, 'labeled-messages.json'));
const blindPath = path.join(__dirname, 'blind-messages.json');
const blind = fs.existsSync(blindPath) ? load(blindPath) : null;
const summary: string[] = [];

afterAll(() => {
  console.log(['', 'Summary (intent accuracy, field micro-F1, escalation precision and recall with needsPerson, missed requests for a person)', SUMMARY_HEADER, ...summary].join('\n'));
});

function record(report: EvaluationReport, split: string, withMisses: boolean): void {
  console.log(formatReport(report, { split, withMisses }));
  summary.push(summaryRow(report, split));
}

describe('labeled message sets', () => {
  it('the training split is large, covers every intent, labels escalate on every message and has Spanish', () => {
    expect(training.messages.length).toBeGreaterThanOrEqual(620);
    for (const intent of INTENTS) expect(training.messages.filter((m) => m.intent === intent).length).toBeGreaterThanOrEqual(15);
    expect(training.messages.filter((m) => typeof m.escalate !== 'boolean')).toEqual([]);
    expect(training.messages.filter((m) => m.intent === 'HUMAN_REQUEST' && !m.escalate)).toEqual([]);
    expect(training.messages.filter((m) => m.language === 'es').length / training.messages.length).toBeGreaterThanOrEqual(0.1);
  });
});

describe('LocalMessageAnalyzer', () => {
  const analyzer = new LocalMessageAnalyzer();

  it(`training split: intent >= ${GATES.intentAccuracy}, every field F1 >= ${GATES.fieldF1}, field micro-F1 >= ${GATES.fieldMicroF1}, escalation recall >= ${GATES.escalationRecall} and precision >= ${GATES.escalationPrecision}, no missed request for a person`, async () => {
    const report = await evaluate(analyzer, training);
    record(report, 'training', true);
    // The classifier was trained on these very messages, so its accuracy here flatters it; the
    // cross-validated figure (each message scored by a model trained without it) does not.
    console.log(`Intent classifier, 5-fold cross-validated on the training split when trained: ${JSON.stringify(intentModelFile.training.crossValidatedAccuracy)}`);
    expect(failedGates(report)).toEqual([]);
  });

  it.runIf(blind !== null)(`blind split: intent >= ${BLIND_FLOOR.intentAccuracy}, field micro-F1 >= ${BLIND_FLOOR.fieldMicroF1}, escalation recall >= ${BLIND_FLOOR.escalationRecall}, no missed request for a person`, async () => {
    const report = await evaluate(analyzer, blind!);
    record(report, 'blind', false);
    const missed = missedBlindTargets(report);
    console.log(missed.length === 0 ? 'Blind split: every target of the issue is met.' : `Blind split: targets NOT met: ${missed.join('; ')}.`);
    expect(blindBelowFloor(report)).toEqual([]);
    // The issue's targets, met since the person-request training batches: a change that misses one again fails here.
    expect(missed).toEqual([]);
  });

  it.runIf(blind === null)('blind split: not in this checkout, so no blind figure was taken', () => {
    console.log(`No ${path.relative(process.cwd(), blindPath)} in this checkout: no blind figure was taken.`);
    summary.push(`  ${'local'.padEnd(22)} ${'blind'.padEnd(9)} (no blind split in this checkout)`);
  });
});

const apiKey = process.env.OPENAI_API_KEY?.trim();

describe.runIf(apiKey)('OpenAiMessageAnalyzer, live (OPENAI_API_KEY is set)', () => {
  const fallbacks: string[] = [];
  // Built on first use: a skipped describe still runs its body.
  let live: OpenAiMessageAnalyzer | undefined;
  const analyzer = () =>
    (live ??= new OpenAiMessageAnalyzer({
      apiKey: apiKey!,
      model: process.env.OPENAI_MODEL?.trim() || 'gpt-4o-mini',
      baseURL: process.env.OPENAI_BASE_URL?.trim() || undefined,
      timeoutMs: 30_000,
      fallback: new LocalMessageAnalyzer(),
      onFallback: (reason) => fallbacks.push(reason),
    }));

  for (const [split, dataset] of [['training', training], ['blind', blind]] as const) {
    it.runIf(dataset !== null)(`${split} split (figures only; the targets gate the local engine)`, { timeout: 30 * 60_000 }, async () => {
      fallbacks.length = 0;
      const report = await evaluate(analyzer(), dataset!);
      record({ ...report, analyzer: 'openai (live)' }, split, split === 'training');
      console.log(`${fallbacks.length} of ${dataset!.messages.length} answers fell back to the local engine${fallbacks.length ? `: ${[...new Set(fallbacks)].join('; ')}` : ''}`);
      expect(report.messages).toBe(dataset!.messages.length);
    });
  }
});

/** What a perfect model would answer for a labeled message, in the response schema. */
function labeledAnswer(message: LabeledMessage) {
  const field = (name: keyof LabeledMessage['fields']) => {
    const value = message.fields[name];
    return value === undefined ? null : { value, confidence: 0.9 };
  };
  return {
    intent: message.intent,
    intentConfidence: 0.9,
    details: {
      partySize: field('partySize'),
      eventDate: field('eventDate'),
      startTime: field('startTime'),
      address: field('address'),
      name: field('name'),
      phone: field('phone'),
      email: field('email'),
      dietaryNotes: field('dietaryNotes'),
    },
    // Upset enough for a person, but not asking for one: below the strong-negative cut-off.
    sentiment: message.escalate && message.intent !== 'HUMAN_REQUEST' ? -0.8 : 0,
    faqTopic: message.faqTopic ?? null,
    confirmation: message.confirmation ?? null,
    language: message.language ?? 'en',
  };
}

/** Records what the fallback was asked, and answers as the local engine does. */
class RecordingLocalAnalyzer implements MessageAnalyzer {
  readonly name = 'local';
  readonly texts: string[] = [];
  private readonly local = new LocalMessageAnalyzer();

  async analyze(text: string, context: AnalysisContext): Promise<MessageAnalysis> {
    this.texts.push(text);
    return this.local.analyze(text, context);
  }
}

describe.runIf(!apiKey)('OpenAiMessageAnalyzer without a key: the path against the local Chat Completions fake (no live figure)', () => {
  let server: FakeOpenAiServer;
  const context = { now: new Date(training.now), timeZone: training.timeZone };

  beforeAll(async () => {
    server = await FakeOpenAiServer.start();
  });
  afterAll(async () => {
    await server.close();
  });

  function makeAnalyzer() {
    const fallback = new RecordingLocalAnalyzer();
    const reasons: string[] = [];
    const analyzer = new OpenAiMessageAnalyzer({ apiKey: `sk-fake-${process.pid}`, model: 'fake-model', baseURL: server.baseURL, timeoutMs: 5_000, fallback, onFallback: (r) => reasons.push(r) });
    return { analyzer, fallback, reasons };
  }

  it('carries every training label through prompt, schema, validation and mapping unchanged', { timeout: 120_000 }, async () => {
    server.reset();
    for (const message of training.messages) server.replyJson(labeledAnswer(message));
    const { analyzer, fallback, reasons } = makeAnalyzer();

    const report = await evaluate(analyzer, training);
    console.log(
      [
        '',
        'NO LIVE OPENAI FIGURE WAS TAKEN (OPENAI_API_KEY is not set).',
        'The OpenAI analyzer ran against a local fake of the Chat Completions API that answers each message with its own labels,',
        'so the table below checks the path (request, strict schema, validation, mapping to the analysis), not the model.',
        'Set OPENAI_API_KEY (and optionally OPENAI_MODEL) to put the live model on both splits in this table.',
      ].join('\n'),
    );
    record({ ...report, analyzer: 'openai (wire fake)' }, 'training', false);

    expect(reasons).toEqual([]);
    expect(fallback.texts).toEqual([]);
    expect(report.intent.overall.accuracy).toBe(1);
    expect(report.fieldMicro.f1).toBe(1);
    for (const [label, score] of Object.entries(report.fields)) expect({ label, f1: score.f1 }).toEqual({ label, f1: 1 });
    expect(report.language.accuracy).toBe(1);
    expect([report.escalation.precision, report.escalation.recall, report.escalation.missedPersonRequests]).toEqual([1, 1, 0]);

    expect(server.requests).toHaveLength(training.messages.length);
    const [first] = server.requests;
    const system: string = first.body.messages[0].content;
    expect(system).toContain('Today is Saturday, 2026-11-21');
    expect(system).toContain('America/New_York');
    expect(system).toMatch(/language: "es" when the message is Spanish or mixed English-Spanish/);
    expect(system).toMatch(/a title alone/);
    const schema = first.body.response_format.json_schema;
    expect(schema.strict).toBe(true);
    expect(schema.schema.required).toContain('language');
    expect(server.requests.map((r) => r.body.messages[1].content)).toEqual(training.messages.map((m) => m.text));
  });

  it('falls back to the local engine, with a reason and without the customer\'s words, when the answer is unusable', async () => {
    server.reset();
    const spanish = training.messages.find((m) => m.language === 'es' && m.intent === 'HUMAN_REQUEST')!;
    server.script(
      { kind: 'content', content: JSON.stringify({ ...labeledAnswer(spanish), language: 'fr' }) },
      { kind: 'content', content: JSON.stringify({ ...labeledAnswer(spanish), intent: 'ESCALATE' }) },
      { kind: 'error', status: 500 },
      { kind: 'content', content: '{"intent":"HUMAN_REQ', finishReason: 'length' },
    );
    const { analyzer, fallback, reasons } = makeAnalyzer();
    const local = await new LocalMessageAnalyzer().analyze(spanish.text, context);

    for (let i = 0; i < 4; i++) expect(await analyzer.analyze(spanish.text, context)).toEqual(local);

    expect(reasons).toEqual(['answer failed validation at language', 'answer failed validation at intent', 'HTTP 500', 'finish_reason length']);
    expect(fallback.texts).toHaveLength(4);
    // The local engine still reads this Spanish request for a person right.
    expect([local.intent, local.language]).toEqual(['HUMAN_REQUEST', 'es']);
  });
});
