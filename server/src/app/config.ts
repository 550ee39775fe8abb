import { parseSendWindow, type SendWindow } from '../modules/channels/quiet-hours';
import { isIP } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration, read once from the environment and validated here.
 * A bad value stops the start with one line naming the variable and what it must be.
 * Every variable is documented in `.env.example`.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const PORT_RULE = 'must be a TCP port number (0-65535, 0 picks a free one)';
const port = () => z.coerce.number({ message: PORT_RULE }).int(PORT_RULE).min(0, PORT_RULE).max(65535, PORT_RULE);

/** Names Express and proxy-addr know for address ranges. */
const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Which proxies may tell us the client's address (X-Forwarded-For): none by default; a hop
 * count; or addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
 */
const trustProxy = optionalString.transform((value, ctx): false | number | string[] => {
  if (value === undefined || ['false', 'off', 'none', '0'].includes(value.toLowerCase())) return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const known = PROXY_PRESETS.has(entry) || (isIP(address) !== 0 && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (isIP(address) === 4 ? 32 : 128))));
    if (!known) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not an address, a CIDR range, or one of loopback, linklocal, uniquelocal; use a hop count or "off" otherwise` });
      return z.NEVER;
    }
  }
  return entries;
});

const intInRange = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const urlWithProtocols = (protocols: string[], example: string) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL like ${example}` },
  );


const numberInRange = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a number from ${min} to ${max}` })
    .min(min, `must be a number from ${min} to ${max}`)
    .max(max, `must be a number from ${min} to ${max}`);

/** "lat,lng" in decimal degrees, e.g. 38.3482,-121.9538. */
const latLng = optionalString.transform((value, ctx): { lat: number; lng: number } | undefined => {
  if (value === undefined) return undefined;
  const match = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(value);
  const [lat, lng] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!match || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    ctx.addIssue({ code: 'custom', message: 'must be "latitude,longitude" in decimal degrees, e.g. 38.3482,-121.9538' });
    return z.NEVER;
  }
  return { lat, lng };
});

/**
 * Keys that encrypt stored bank access tokens: "id:base64key" pairs, comma-separated, each key
 * 32 bytes (AES-256). Ids are short names (k1, 2026-01) stored beside each ciphertext.
 */
const bankTokenKeys = optionalString.transform((value, ctx): Map<string, Buffer> | undefined => {
  if (value === undefined) return undefined;
  const keys = new Map<string, Buffer>();
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator).trim() : '';
    const encoded = separator > 0 ? entry.slice(separator + 1).trim() : '';
    const key = /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(id) || key.length !== 32) {
      // The value is a secret: name the entry by its position only.
      ctx.addIssue({ code: 'custom', message: `entry ${keys.size + 1} must be "keyid:base64" with a key id of letters, digits, dot, dash or underscore and a key of 32 bytes (openssl rand -base64 32)` });
      return z.NEVER;
    }
    if (keys.has(id)) {
      ctx.addIssue({ code: 'custom', message: `names key id "${id}" twice` });
      return z.NEVER;
    }
    keys.set(id, key);
  }
  if (keys.size === 0) return undefined;
  return keys;
});

/** Which changes to a booking ask for its terms again: a comma list, or "none". */
export const TERMS_CHANGE_KINDS = ['DATE', 'TIME', 'ADDRESS', 'MORE_GUESTS', 'FEWER_GUESTS'] as const;
export type TermsChangeKind = (typeof TERMS_CHANGE_KINDS)[number];
const termsAgainOn = z
  .string()
  .trim()
  .default('DATE,ADDRESS,MORE_GUESTS')
  .transform((value, ctx): TermsChangeKind[] => {
    if (value === '' || value.toLowerCase() === 'none') return [];
    const kinds = value.split(',').map((kind) => kind.trim().toUpperCase()).filter(Boolean);
    const unknown = kinds.find((kind) => !(TERMS_CHANGE_KINDS as readonly string[]).includes(kind));
    if (unknown) {
      ctx.addIssue({ code: 'custom', message: `"${unknown}" is not a change; use a comma list of ${TERMS_CHANGE_KINDS.join(', ')}, or none` });
      return z.NEVER;
    }
    return [...new Set(kinds)] as TermsChangeKind[];
  });

/** "HH:MM-HH:MM": when unprompted messages may go, on the recipient's clock. */
const sendWindow = z
  .string()
  .trim()
  .default('08:00-21:00')
  .transform((value, ctx): SendWindow => {
    const window = parseSendWindow(value);
    if (!window) {
      ctx.addIssue({ code: 'custom', message: 'must be the hours messages may go, as HH:MM-HH:MM (for example 08:00-21:00; the same time twice for no quiet hours)' });
      return z.NEVER;
    }
    return window;
  });

const clockTime = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { message: 'must be a time of day as HH:MM, for example 10:00' });

const dayList = z
  .string()
  .trim()
  .default('7,2')
  .transform((value, ctx): number[] => {
    if (value === '' || value.toLowerCase() === 'none') return [];
    const days = value.split(',').map((day) => day.trim());
    const bad = days.find((day) => !/^\d{1,2}$/.test(day) || Number(day) < 2);
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not a number of days from 2 to 99; use a comma list such as 7,2, or none` });
      return z.NEVER;
    }
    return [...new Set(days.map(Number))].sort((a, b) => b - a);
  });

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as America/New_York' },
);

/** The days a weekly report may go, Monday first (ISO weekday numbers 1-7). */
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** An email sender: "name@example.com" or "Name <name@example.com>". */
const emailSender = optionalString.pipe(
  z
    .string()
    .max(320, 'must be at most 320 characters')
    .regex(/^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/, 'must be an address such as reports@example.com or "Hibachi at Home <reports@example.com>"')
    .optional(),
);

/** The replies the review policy writes (issue 16): one per rating, and the two under-3-star cases after the customer check. */
export const REVIEW_REPLY_KINDS = ['RATING_5', 'RATING_4', 'RATING_3', 'UNDER_3_CUSTOMER', 'UNDER_3_NO_RECORD'] as const;
export type ReviewReplyKind = (typeof REVIEW_REPLY_KINDS)[number];
/** What a reply template may say in braces; filled per review. */
export const REVIEW_REPLY_PLACEHOLDERS = ['firstName', 'praised', 'raised', 'concernAnswer', 'eventDate', 'offerPercent', 'businessName', 'contact'] as const;
/** Google's limit on a reply (the reviews port's MAX_REPLY_CHARS). */
const REVIEW_TEMPLATE_MAX_CHARS = 4096;

/**
 * REVIEW_REPLY_TEMPLATES: JSON replacing the built-in variants of some kinds, e.g.
 * {"RATING_5": ["Thank you {firstName}!", "..."]}. Each kind given needs two variants or more,
 * so no reply repeats the one before it.
 */
const reviewReplyTemplates = optionalString.transform((value, ctx): Partial<Record<ReviewReplyKind, string[]>> => {
  if (value === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON: an object of reply kinds, each a list of template texts' });
    return z.NEVER;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    ctx.addIssue({ code: 'custom', message: `must be a JSON object whose keys are among ${REVIEW_REPLY_KINDS.join(', ')}` });
    return z.NEVER;
  }
  const templates: Partial<Record<ReviewReplyKind, string[]>> = {};
  for (const [kind, variants] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(REVIEW_REPLY_KINDS as readonly string[]).includes(kind)) {
      ctx.addIssue({ code: 'custom', message: `"${kind}" is not a reply kind; use ${REVIEW_REPLY_KINDS.join(', ')}` });
      return z.NEVER;
    }
    if (!Array.isArray(variants) || variants.length < 2 || !variants.every((text) => typeof text === 'string' && text.trim() !== '' && text.length <= REVIEW_TEMPLATE_MAX_CHARS)) {
      ctx.addIssue({ code: 'custom', message: `${kind} must be a list of at least two texts of 1 to ${REVIEW_TEMPLATE_MAX_CHARS} characters (two or more, so a reply never repeats the one before)` });
      return z.NEVER;
    }
    for (const text of variants as string[]) {
      const unknown = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).find((name) => !(REVIEW_REPLY_PLACEHOLDERS as readonly string[]).includes(name));
      if (unknown) {
        ctx.addIssue({ code: 'custom', message: `${kind} uses {${unknown}}, which is not a placeholder; use ${REVIEW_REPLY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
        return z.NEVER;
      }
    }
    templates[kind as ReviewReplyKind] = variants as string[];
  }
  return templates;
});

const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'], { message: 'must be development, test or production' })
      .default('development'),
    HOST: z.string().trim().min(1, 'must be a host name or address to listen on').default('127.0.0.1'),
    PORT: port().default(4000),
    PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://console.example.com'),
    TRUST_PROXY: trustProxy,
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').max(256, 'must be at most 256 characters').optional()),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    LOG_FORMAT: optionalString.pipe(z.enum(['pretty', 'json'], { message: 'must be pretty or json' }).optional()),

    DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/database'),
    DATA_DIR: optionalString,
    EMBEDDED_POSTGRES_PORT: port().optional(),
    SQL_STATEMENTS_PER_OPERATION: booleanFlag.optional(),
    DATABASE_STATEMENT_TIMEOUT_SECONDS: intInRange(1, 3600).default(15),

    REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1-64 letters, digits, ":", "_" or "-"')
      .default('hibachi:'),

    ADMIN_EMAIL: optionalString.pipe(z.email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalString.pipe(
      z.string().min(12, 'must be at least 12 characters long').optional(),
    ),

    BUSINESS_TIME_ZONE: timeZone.default('America/New_York'),
    SESSION_TTL_HOURS: intInRange(1, 24 * 90).default(24 * 7),
    STAFF_PASSWORD_LINK_HOURS: intInRange(1, 24 * 30).default(72),
    PRESENCE_GRACE_SECONDS: intInRange(1, 3600).default(60),
    LOGIN_MAX_FAILURES: intInRange(1, 100).default(5),
    // Fractions allowed (0.05 is 3 s), so a lockout can be seen to end.
    LOGIN_LOCKOUT_MINUTES: z.coerce
      .number({ message: 'must be a number of minutes from 0.05 to 1440' })
      .min(0.05, 'must be a number of minutes from 0.05 to 1440')
      .max(24 * 60, 'must be a number of minutes from 0.05 to 1440')
      .default(15),
    LOGIN_MAX_FAILURES_PER_MINUTE_PER_IP: intInRange(1, 10_000).default(10),
    BAD_TOKEN_MAX_PER_MINUTE: intInRange(1, 10_000).default(30),
    GRAPHQL_MAX_DEPTH: intInRange(2, 50).default(10),
    GRAPHQL_MAX_PAGE_SIZE: intInRange(1, 1000).default(100),
    GRAPHQL_MAX_COST: intInRange(100, 10_000_000).default(10_000),
    GRAPHQL_MAX_ALIASES: intInRange(0, 1000).default(15),
    GRAPHQL_MAX_MUTATIONS: intInRange(1, 100).default(5),
    CONSOLE_DIST_DIR: optionalString,

    BUSINESS_NAME: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').default('Hibachi at Home'),
    PRICE_PER_GUEST_CENTS: intInRange(0, 1_000_000).default(6000),
    MINIMUM_SPEND_CENTS: intInRange(0, 100_000_000).default(60000),
    PRICE_PER_KID_CENTS: intInRange(0, 1_000_000).default(3000),
    DEPOSIT_CENTS: intInRange(10000, 100_000_000).default(10000),
    BOOKING_MAX_GUESTS: intInRange(1, 10000).default(100),
    BOOKING_COMPLETION_EVERY_SECONDS: intInRange(1, 86400).default(3600),
    QUIET_HOURS: sendWindow,
    REMINDER_SEND_TIME: clockTime('10:00'),
    PAYMENT_REMINDER_DAYS: dayList,
    REVIEW_REQUEST_SEND_TIME: clockTime('11:00'),
    REVIEW_LINK_URL: optionalString.pipe(z.url({ message: 'must be the full address of your review page, starting with https://' }).optional()),
    SCHEDULED_MESSAGES_EVERY_SECONDS: intInRange(1, 3600).default(60),
    METRIC_ALERTS_EVERY_SECONDS: intInRange(1, 86400).default(300),
    ALERT_TERMS_RATE_BELOW: numberInRange(0, 1).default(0.95),
    ALERT_INVALID_TERMS_REPLIES_ABOVE: intInRange(0, 100_000).default(5),
    ALERT_AI_SUCCESS_BELOW: numberInRange(0, 1).default(0.7),
    ALERT_ESCALATION_RATE_ABOVE: numberInRange(0, 1).default(0.2),
    ALERT_SIGNATURE_FAILURES_ABOVE: intInRange(0, 1_000_000).default(0),
    ALERT_MIN_THREADS: intInRange(1, 100_000).default(10),
    ALERT_MIN_TERMS_REQUESTS: intInRange(1, 100_000).default(10),
    FAQ_MINIMUM_SPEND: optionalString,
    FAQ_SERVICE_AREA: optionalString,
    FAQ_VEGETARIAN_OPTIONS: optionalString,
    FAQ_WHATS_INCLUDED: optionalString,
    FAQ_MINIMUM_SPEND_ES: optionalString,
    FAQ_SERVICE_AREA_ES: optionalString,
    FAQ_VEGETARIAN_OPTIONS_ES: optionalString,
    FAQ_WHATS_INCLUDED_ES: optionalString,

    AI_BOOKING_ENABLED: booleanFlag.default(true),
    AI_BOOKING_CONFIDENCE_THRESHOLD: z.coerce
      .number({ message: 'must be a number from 0 to 1' })
      .min(0, 'must be a number from 0 to 1')
      .max(1, 'must be a number from 0 to 1')
      .default(0.75),
    AI_BOOKING_MAX_ATTEMPTS: intInRange(1, 20).default(3),
    AI_SELF_SERVICE_ENABLED: booleanFlag.default(true),
    CHEF_COUNT: intInRange(1, 100).default(2),
    SELF_SERVICE_CHANGE_MIN_DAYS: intInRange(0, 365).default(3),
    SELF_SERVICE_UPSET_SENTIMENT: numberInRange(-1, 0).default(-0.3),
    CANCELLATION_REFUND_MIN_DAYS: intInRange(0, 365).default(7),
    TERMS_AGAIN_ON_CHANGE: termsAgainOn,
    OPENAI_API_KEY: optionalString,
    OPENAI_MODEL: z.string().trim().min(1, 'must name a model').default('gpt-4o-mini'),
    OPENAI_BASE_URL: urlWithProtocols(['http:', 'https:'], 'https://api.openai.com/v1'),

    ESCALATION_ACK_TIMEOUT_SECONDS: intInRange(1, 24 * 3600).default(120),
    ESCALATION_SWEEP_SECONDS: intInRange(1, 3600).default(10),
    WEB_CHAT_MAX_MESSAGES_PER_MINUTE: intInRange(1, 1000).default(20),
    WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP: intInRange(1, 100_000).default(120),
    WEB_CHAT_SESSION_DAYS: intInRange(1, 365).default(30),
    WEB_CHAT_WAIT_NOTICE_SECONDS: intInRange(1, 24 * 3600).default(300),
    TERMS_EVIDENCE_LINK_MINUTES: intInRange(1, 24 * 60).default(15),

    PAYMENT_AUTO_MATCH_THRESHOLD: numberInRange(0.5, 1).default(0.9),
    PAYMENT_UNMATCHED_ALERT_DAYS: intInRange(1, 60).default(3),
    PAYMENT_UNMATCHED_CHECK_EVERY_SECONDS: intInRange(1, 86400).default(3600),
    BANK_STATEMENT_MAX_BYTES: intInRange(1024, 50 * 1024 * 1024).default(5 * 1024 * 1024),
    BUSINESS_PHONE: optionalString.pipe(z.string().max(40, 'must be at most 40 characters').regex(/^[+0-9 ().-]{7,40}$/, 'must be a phone number such as +1 555 555 0100').optional()),
    BUSINESS_EMAIL: optionalString.pipe(z.email('must be an email address').optional()),
    REVIEW_AUTO_REPLY_DELAY_MINUTES: intInRange(0, 7 * 24 * 60).default(30),
    REVIEW_REPLY_SWEEP_SECONDS: intInRange(1, 86400).default(300),
    REVIEW_VERIFY_WINDOW_DAYS: intInRange(1, 365).default(60),
    REVIEW_REPLY_TEMPLATES: reviewReplyTemplates,
    SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtps://user:password@smtp.example.com:465'),
    SMTP_HOST: optionalString,
    SMTP_PORT: port().optional(),
    SMTP_USER: optionalString,
    SMTP_PASSWORD: optionalString,
    SMTP_SECURE: booleanFlag.optional(),
    EMAIL_FROM: emailSender,
    OWNER_EMAIL: optionalString.pipe(z.email('must be an email address').optional()),
    WEEKLY_REPORT_DAY: z
      .string()
      .trim()
      .default('MONDAY')
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(WEEKDAYS, { message: `must be a day of the week: ${WEEKDAYS.join(', ')}` })),
    WEEKLY_REPORT_TIME: clockTime('08:00'),
    BUSINESS_HELP_CONTACT: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').default('reply here and our team will help'),

    SKIP_WEBHOOK_VALIDATION: booleanFlag.default(false),
    WEBHOOK_MAX_REJECTIONS_PER_MINUTE: intInRange(1, 100_000).default(30),
    WEBHOOK_ANSWER_SECONDS: intInRange(1, 60).default(3),
    JOBS_POLL_SECONDS: z.coerce.number({ message: 'must be a number of seconds from 0.5 to 60' }).min(0.5, 'must be at least 0.5').max(60, 'must be at most 60').default(1),
    JOB_RETRY_LIMIT: intInRange(0, 50).default(8),
    JOB_RETRY_DELAY_SECONDS: intInRange(1, 3600).default(5),
    JOB_TIMEOUT_SECONDS: intInRange(2, 3600).default(60),
    PROVIDER_TIMEOUT_SECONDS: intInRange(1, 30).default(10),
    SHUTDOWN_GRACE_SECONDS: intInRange(1, 3600).default(20),

    RINGCENTRAL_SERVER_URL: urlWithProtocols(['http:', 'https:'], 'https://platform.ringcentral.com'),
    RINGCENTRAL_CLIENT_ID: optionalString,
    RINGCENTRAL_CLIENT_SECRET: optionalString,
    RINGCENTRAL_JWT: optionalString,
    RINGCENTRAL_FROM_NUMBER: optionalString.pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 number such as +15555550100').optional()),
    RINGCENTRAL_WEBHOOK_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').max(64, 'must be at most 64 characters').optional()),

    META_GRAPH_API_URL: urlWithProtocols(['http:', 'https:'], 'https://graph.facebook.com/v21.0'),
    META_APP_SECRET: optionalString,
    META_VERIFY_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').max(128, 'must be at most 128 characters').optional()),
    META_PAGE_ACCESS_TOKEN: optionalString,
    META_WHATSAPP_TOKEN: optionalString,
    META_WHATSAPP_PHONE_NUMBER_ID: optionalString.pipe(z.string().regex(/^\d{5,20}$/, 'must be the numeric WhatsApp phone number id').optional()),

    PLAID_CLIENT_ID: optionalString,
    PLAID_SECRET: optionalString,
    PLAID_ENV: optionalString.pipe(z.enum(['sandbox', 'production'], { message: 'must be sandbox or production' }).optional()),
    PLAID_BASE_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:8090 (tests and development only)'),
    BANK_TOKEN_KEYS: bankTokenKeys,
    BANK_TOKEN_KEY_ID: optionalString,

    GOOGLE_MAPS_API_KEY: optionalString,

    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    GOOGLE_REDIRECT_URL: urlWithProtocols(['http:', 'https:'], 'https://console.example.com/oauth/google/callback'),
    GOOGLE_PUBSUB_AUDIENCE: optionalString,
    GOOGLE_PUBSUB_SERVICE_ACCOUNT: optionalString.pipe(z.string().email('must be the email of the service account Pub/Sub pushes as').optional()),
    GOOGLE_OAUTH_AUTH_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:8091/o/oauth2/v2/auth (tests and development only)'),
    GOOGLE_OAUTH_TOKEN_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:8091/token (tests and development only)'),
    GOOGLE_API_ROOT_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:8091 (tests and development only)'),
    GOOGLE_OIDC_CERTS_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:8091/oauth2/v1/certs (tests and development only)'),
    GOOGLE_MAPS_BASE_URL: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:8089 (tests and development only)'),

    STRIPE_SECRET_KEY: optionalString.pipe(z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/, 'must be a Stripe secret or restricted key (sk_live_..., sk_test_..., rk_...)').optional()),
    STRIPE_WEBHOOK_SECRET: optionalString.pipe(z.string().regex(/^whsec_[A-Za-z0-9+/=]{8,}$/, 'must be the endpoint signing secret Stripe shows (whsec_...)').optional()),
    STRIPE_API_BASE: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:12111 (tests and development only)'),
    GOOGLE_MAPS_MAX_ATTEMPTS: intInRange(1, 10).default(3),
    // A city or ZIP centroid, never a real street address: Sacramento and the Bay Area are within 100 road miles of it.
    TRAVEL_BASE_ADDRESS: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters').default('Vacaville, CA 95687'),
    TRAVEL_BASE_LATLNG: latLng,
    TRAVEL_FREE_MILES: numberInRange(0, 1000).default(30),
    TRAVEL_FEE_CENTS_PER_MILE: intInRange(0, 100_000).default(200),
    TRAVEL_MAX_MILES: numberInRange(1, 1000).default(100),
    TRAVEL_PRIMARY_MILES: numberInRange(0, 1000).default(30),
    TRAVEL_SECONDARY_MILES: numberInRange(0, 1000).default(60),
    TRAVEL_ROAD_FACTOR: numberInRange(1, 3).default(1.25),
    TRAVEL_AVERAGE_MPH: numberInRange(5, 80).default(45),
    TRAVEL_CLUSTER_RADIUS_MILES: numberInRange(0, 500).default(15),
    TRAVEL_CLUSTER_DISCOUNT_PERCENT: intInRange(0, 100).default(50),
    TRAVEL_GEOCODE_CACHE_DAYS: intInRange(1, 365).default(30),
  })
  .superRefine((env, ctx) => {
    if (env.SKIP_WEBHOOK_VALIDATION && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['SKIP_WEBHOOK_VALIDATION'], message: 'must not be true in production: every webhook must be verified' });
    }
    // Settings that only work together: one set without the others is a mistake to name at start.
    const groups: Array<{ names: ReadonlyArray<keyof typeof env>; needs: string }> = [
      { names: ['RINGCENTRAL_CLIENT_ID', 'RINGCENTRAL_CLIENT_SECRET', 'RINGCENTRAL_JWT', 'RINGCENTRAL_FROM_NUMBER', 'RINGCENTRAL_WEBHOOK_TOKEN'], needs: 'RingCentral' },
      { names: ['META_APP_SECRET', 'META_VERIFY_TOKEN'], needs: 'The Meta webhook' },
      { names: ['META_WHATSAPP_TOKEN', 'META_WHATSAPP_PHONE_NUMBER_ID'], needs: 'WhatsApp replies' },
      { names: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'], needs: 'Stripe deposits' },
      { names: ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'], needs: 'The Google Business Profile connection' },
      { names: ['GOOGLE_PUBSUB_AUDIENCE', 'GOOGLE_PUBSUB_SERVICE_ACCOUNT'], needs: 'Google review notifications (Pub/Sub push)' },
    ];
    for (const { names, needs } of groups) {
      const given = names.filter((name) => env[name] !== undefined);
      if (given.length === 0 || given.length === names.length) continue;
      const missing = names.find((name) => env[name] === undefined)!;
      ctx.addIssue({ code: 'custom', path: [missing], message: `must be set: ${needs} needs all of ${names.join(', ')}` });
    }
    const metaSendTokens = (['META_PAGE_ACCESS_TOKEN', 'META_WHATSAPP_TOKEN'] as const).filter((name) => env[name] !== undefined);
    if (metaSendTokens.length > 0 && env.META_APP_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['META_APP_SECRET'], message: `must be set: ${metaSendTokens.join(' and ')} answer messages that arrive on the Meta webhook, which needs META_APP_SECRET and META_VERIFY_TOKEN` });
    }
    // A send looks up a lost answer and then sends: both calls must fit in one attempt.
    if (env.JOB_TIMEOUT_SECONDS < 2 * env.PROVIDER_TIMEOUT_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['JOB_TIMEOUT_SECONDS'], message: `must be at least twice PROVIDER_TIMEOUT_SECONDS (${env.PROVIDER_TIMEOUT_SECONDS}), so a look-up and a send both fit in one attempt` });
    }
    // The key goes wherever this points; only a test server or a developer's proxy has a use for it.
    if (env.GOOGLE_MAPS_BASE_URL !== undefined && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['GOOGLE_MAPS_BASE_URL'], message: 'must not be set in production: it is for tests and development only' });
    }
    if (env.STRIPE_API_BASE !== undefined && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_API_BASE'], message: 'must not be set in production: it is for tests and development only' });
    }
    // Google's addresses are fixed; these send the client secret and tokens elsewhere, for a local fake only.
    for (const name of ['GOOGLE_OAUTH_AUTH_URL', 'GOOGLE_OAUTH_TOKEN_URL', 'GOOGLE_API_ROOT_URL', 'GOOGLE_OIDC_CERTS_URL'] as const) {
      if (env[name] !== undefined && env.NODE_ENV === 'production') {
        ctx.addIssue({ code: 'custom', path: [name], message: 'must not be set in production: it is for tests and development only' });
      }
    }
    if (env.GOOGLE_CLIENT_ID !== undefined && env.BANK_TOKEN_KEYS === undefined) {
      ctx.addIssue({ code: 'custom', path: ['BANK_TOKEN_KEYS'], message: 'must be set with Google: the Google refresh token is stored encrypted under it ("k1:" followed by the output of openssl rand -base64 32)' });
    }
    if (env.GOOGLE_PUBSUB_AUDIENCE !== undefined && env.GOOGLE_CLIENT_ID === undefined) {
      ctx.addIssue({ code: 'custom', path: ['GOOGLE_CLIENT_ID'], message: 'must be set: review notifications from Pub/Sub are fetched through the Google connection' });
    }
    if (env.PLAID_BASE_URL !== undefined && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['PLAID_BASE_URL'], message: 'must not be set in production: it is for tests and development only' });
    }
    if ((env.PLAID_CLIENT_ID === undefined) !== (env.PLAID_SECRET === undefined)) {
      const missing = env.PLAID_CLIENT_ID === undefined ? 'PLAID_CLIENT_ID' : 'PLAID_SECRET';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set: the Plaid bank feed needs both PLAID_CLIENT_ID and PLAID_SECRET' });
    }
    if (env.PLAID_CLIENT_ID !== undefined && env.BANK_TOKEN_KEYS === undefined) {
      ctx.addIssue({ code: 'custom', path: ['BANK_TOKEN_KEYS'], message: 'must be set with Plaid: bank access tokens are stored encrypted under it ("k1:" followed by the output of openssl rand -base64 32)' });
    }
    if (env.BANK_TOKEN_KEYS !== undefined) {
      if (env.BANK_TOKEN_KEY_ID === undefined && env.BANK_TOKEN_KEYS.size > 1) {
        ctx.addIssue({ code: 'custom', path: ['BANK_TOKEN_KEY_ID'], message: `must be set: BANK_TOKEN_KEYS holds several keys, so say which one encrypts (one of ${[...env.BANK_TOKEN_KEYS.keys()].join(', ')})` });
      } else if (env.BANK_TOKEN_KEY_ID !== undefined && !env.BANK_TOKEN_KEYS.has(env.BANK_TOKEN_KEY_ID)) {
        ctx.addIssue({ code: 'custom', path: ['BANK_TOKEN_KEY_ID'], message: `must be one of the key ids in BANK_TOKEN_KEYS (${[...env.BANK_TOKEN_KEYS.keys()].join(', ')})` });
      }
    } else if (env.BANK_TOKEN_KEY_ID !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['BANK_TOKEN_KEYS'], message: 'must be set: BANK_TOKEN_KEY_ID names a key in it' });
    }
    // Bands nest inside the service area: primary within secondary within the farthest we go.
    if (env.TRAVEL_PRIMARY_MILES > env.TRAVEL_SECONDARY_MILES) {
      ctx.addIssue({ code: 'custom', path: ['TRAVEL_PRIMARY_MILES'], message: `must be at most TRAVEL_SECONDARY_MILES (${env.TRAVEL_SECONDARY_MILES})` });
    }
    if (env.TRAVEL_SECONDARY_MILES > env.TRAVEL_MAX_MILES) {
      ctx.addIssue({ code: 'custom', path: ['TRAVEL_SECONDARY_MILES'], message: `must be at most TRAVEL_MAX_MILES (${env.TRAVEL_MAX_MILES})` });
    }
    if (env.TRAVEL_FREE_MILES > env.TRAVEL_MAX_MILES) {
      ctx.addIssue({ code: 'custom', path: ['TRAVEL_FREE_MILES'], message: `must be at most TRAVEL_MAX_MILES (${env.TRAVEL_MAX_MILES})` });
    }
    // Email: one way to name the SMTP server, a login in full, and a sender and recipient once it is real.
    if (env.SMTP_URL !== undefined && env.SMTP_HOST !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: 'must not be set with SMTP_URL: give the server one way, SMTP_URL or SMTP_HOST with SMTP_PORT, SMTP_USER, SMTP_PASSWORD and SMTP_SECURE' });
    }
    for (const name of ['SMTP_PORT', 'SMTP_USER', 'SMTP_PASSWORD', 'SMTP_SECURE'] as const) {
      if (env[name] !== undefined && env.SMTP_HOST === undefined) {
        ctx.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: `must be set: ${name} describes the SMTP server SMTP_HOST names (with SMTP_URL, put everything in the URL)` });
      }
    }
    if ((env.SMTP_USER === undefined) !== (env.SMTP_PASSWORD === undefined)) {
      const missing = env.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASSWORD';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set: an SMTP login needs both SMTP_USER and SMTP_PASSWORD' });
    }
    if (env.SMTP_URL !== undefined || env.SMTP_HOST !== undefined) {
      for (const name of ['EMAIL_FROM', 'OWNER_EMAIL'] as const) {
        if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'must be set when email goes through SMTP: the weekly reports are sent from EMAIL_FROM to OWNER_EMAIL' });
      }
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      const missing = env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'must be set together with ' + (missing === 'ADMIN_EMAIL' ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'),
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Where email goes: an SMTP URL (smtps://user:password@host:465), or its parts. Holds a secret: never log it. */
export type SmtpSettings = { url: string } | { host: string; port: number; secure: boolean; auth: { user: string; pass: string } | null };

function smtpSettings(env: Env): SmtpSettings | null {
  if (env.SMTP_URL !== undefined) return { url: env.SMTP_URL };
  if (env.SMTP_HOST === undefined) return null;
  const secure = env.SMTP_SECURE ?? env.SMTP_PORT === 465;
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    auth: env.SMTP_USER !== undefined && env.SMTP_PASSWORD !== undefined ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : null,
  };
}

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  publicUrl?: string;
  /** Proxies whose X-Forwarded-For names the client: false (none), a hop count, or addresses and ranges. */
  trustProxy: false | number | string[];
  /** The bearer token /metrics asks for; without one, /metrics is open outside production and off in it. */
  metricsToken?: string;
  logLevel: Env['LOG_LEVEL'];
  /** Readable lines in development, JSON lines elsewhere, unless LOG_FORMAT says otherwise. */
  logFormat: 'pretty' | 'json';
  database:
    | { kind: 'external'; url: string }
    | { kind: 'embedded'; dataDir: string; port?: number };
  /** The longest any one SQL statement may run before PostgreSQL cancels it (migrations excepted). */
  databaseStatementTimeoutMs: number;
  /** Count SQL statements per GraphQL operation, live event and job (off in production unless asked: it costs CPU on every request). */
  sqlStatementsPerOperation: boolean;
  redis: { kind: 'redis'; url: string; keyPrefix: string } | { kind: 'in-process'; keyPrefix: string };
  initialAdmin?: { email: string; password: string };
  businessTimeZone: string;
  sessionTtlHours: number;
  /** How long a one-time set-password link works. */
  staffPasswordLinkHours: number;
  /** How long a staff member's console may be gone (no socket on any instance) before their extension goes offline. */
  presenceGraceSeconds: number;
  /** Failed sign-ins to one account from one address before that pair is locked out for `loginLockoutSeconds`. */
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  /** Failed sign-ins from one address, whatever the accounts, before it waits for the rest of the minute. */
  loginMaxFailuresPerMinutePerIp: number;
  badTokenMaxPerMinute: number;
  graphqlMaxDepth: number;
  graphqlMaxPageSize: number;
  /** The most an operation may cost (query-cost.ts says how it is counted), aliases it may use, and mutations it may run. */
  graphqlMaxCost: number;
  graphqlMaxAliases: number;
  graphqlMaxMutations: number;
  consoleDistDir: string;
  business: {
    name: string;
    pricePerGuestCents: number;
    minimumSpendCents: number;
    faq: { MINIMUM_SPEND: string; SERVICE_AREA: string; VEGETARIAN_OPTIONS: string; WHATS_INCLUDED: string };
    /** The same answers for customers the assistant answers in Spanish (FAQ_*_ES). */
    faqSpanish: { MINIMUM_SPEND: string; SERVICE_AREA: string; VEGETARIAN_OPTIONS: string; WHATS_INCLUDED: string };
  };
  assistant: {
    enabled: boolean;
    confidenceThreshold: number;
    maxAttempts: number;
    openai?: { apiKey: string; model: string; baseURL?: string };
  };
  /**
   * Changes and cancellations the assistant finishes itself (issue 15):
   * `enabled`: off sends every change and cancellation to staff, as before;
   * `chefCount`: events one day can hold; a move to a day that already has this many goes to staff;
   * `changeMinDays`: a change closer than this many days to the event (old or new day) goes to staff;
   * `upsetSentiment`: a change asked for at or below this sentiment (-1..0) goes to staff;
   * `refundMinDays`: a cancellation at least this many days before the event refunds the deposit, closer keeps it.
   */
  selfService: { enabled: boolean; chefCount: number; changeMinDays: number; upsetSentiment: number; refundMinDays: number };
  /** When unprompted messages (reminders, review requests, alerts) may go, on the recipient's clock. */
  quietHours: SendWindow;
  /**
   * Reminders and review requests: the local times they are due, how many days before the event
   * an unpaid balance is reminded of, where a review is left, and how often the queue looks for due ones.
   */
  reminders: { reminderTime: string; paymentReminderDays: number[]; reviewRequestTime: string; reviewLink: string | null; everySeconds: number; reviewRequestStaleDays: number };
  /**
   * The metric alert check: how often it runs, each metric's threshold (rates as shares 0..1),
   * and the smallest samples a rate is judged on (fewer threads or terms requests: no verdict).
   */
  metricAlerts: {
    everySeconds: number;
    termsRateBelow: number;
    invalidTermsRepliesAbove: number;
    aiSuccessBelow: number;
    escalationRateAbove: number;
    signatureFailuresAbove: number;
    minThreads: number;
    minTermsRequests: number;
  };
  escalations: { ackTimeoutSeconds: number; sweepSeconds: number };
  /** `termsAgainOn`: which changes to a confirmed booking send it back to waiting for its terms (and text them again). */
  bookings: { pricePerAdultCents: number; pricePerKidCents: number; minimumSpendCents: number; depositCents: number; maxGuests: number; completionEverySeconds: number; termsAgainOn: TermsChangeKind[] };
  /** `waitNoticeSeconds`: how long a web chat customer waits for a person before they are told they have not been forgotten. */
  webChat: { maxMessagesPerMinute: number; maxMessagesPerMinutePerIp: number; sessionDays: number; waitNoticeSeconds: number };
  helpContact: string;
  /**
   * Reviews (issue 16): `autoReplyDelayMs`: how long a 4-5 star reply waits before it is posted;
   * `replySweepSeconds`: how often replies left waiting (a source to reconnect, an instance that died) are tried again;
   * `verifyWindowDays`: how far before an under-3-star review an event counts as theirs;
   * `templates`: variants replacing the built-in ones; `businessPhone`/`businessEmail`: how a reviewer reaches us.
   */
  reviews: {
    autoReplyDelayMs: number;
    replySweepSeconds: number;
    verifyWindowDays: number;
    templates: Partial<Record<ReviewReplyKind, string[]>>;
    businessPhone: string | null;
    businessEmail: string | null;
  };
  /**
   * Email (issue 17): `smtp` is the server mail goes through (null: the local outbox keeps every
   * email for the console instead); `from` and `ownerEmail` the sender and the owner's address
   * (null without OWNER_EMAIL); the weekly reports go on `weeklyReport.weekday` (1 Monday ... 7
   * Sunday) at `weeklyReport.time`, in the business time zone.
   */
  email: {
    smtp: SmtpSettings | null;
    from: string;
    ownerEmail: string | null;
    weeklyReport: { weekday: number; time: string };
  };
  /** `evidenceLinkMinutes`: how long a printable evidence link (termsEvidence.printableUrl) opens without signing in. */
  terms: { evidenceLinkMinutes: number };
  /**
   * `autoMatchThreshold`: a bank credit's best match at or above this confidence is applied without review;
   * `unmatchedAlertDays`: a settled credit unmatched longer than this raises an alert (checked every `unmatchedCheckEverySeconds`);
   * `statementMaxBytes`: the largest bank statement upload accepted.
   */
  payments: { autoMatchThreshold: number; unmatchedAlertDays: number; unmatchedCheckEverySeconds: number; statementMaxBytes: number };
  /**
   * `maxRejectionsPerMinute`: refused webhook requests an address may send before it is throttled (429) for the rest of the minute;
   * `answerMs`: the longest a delivery waits to be stored before it is answered 503 (the provider delivers it again).
   */
  webhooks: { skipValidation: boolean; maxRejectionsPerMinute: number; answerMs: number };
  /** `timeoutSeconds`: how long one attempt of a provider job (a send, a renewal) may run before it is abandoned and retried. */
  jobs: { pollingIntervalSeconds: number; retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number };
  /** The longest one request to a provider (RingCentral, Meta) may take; always shorter than a job's attempt. */
  providerTimeoutMs: number;
  /** From SIGTERM/SIGINT to exit: requests and running jobs drain within it, then the process exits. */
  shutdownGraceMs: number;
  /** Present when RingCentral credentials are configured; otherwise texts go to the local outbox. */
  ringCentral?: { serverUrl: string; clientId: string; clientSecret: string; jwt: string; fromNumber: string; webhookToken: string };
  /** The Meta webhook (Messenger, Instagram, WhatsApp); the tokens that send replies are each optional. */
  meta?: MetaConfig;
  travel: TravelConfig;
  /**
   * Stripe Checkout for deposits, when both keys are set; without them deposits are paid on a
   * local checkout page this server serves. `apiBase`: a local server speaking Stripe's wire
   * format (tests and development only).
   */
  stripe?: { secretKey: string; webhookSecret: string; apiBase?: string };
  /** Present when PLAID_CLIENT_ID and PLAID_SECRET are set; otherwise the bank feed is the statement upload. */
  plaid?: PlaidConfig;
  /** Keys that encrypt stored bank access tokens (and the Google refresh token); `currentKeyId` encrypts, the others only decrypt until re-wrapped. */
  bankTokenKeys?: BankTokenKeys;
  /** Present when GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set; otherwise reviews come from the local source only. */
  googleBusiness?: GoogleBusinessConfig;
}

export interface GoogleApiRoots {
  /** `/v1/accounts` */
  accountManagement: string;
  /** `/v1/accounts/A/locations` */
  businessInformation: string;
  /** `/v4/accounts/A/locations/L/reviews` */
  reviews: string;
}

export interface GoogleBusinessConfig {
  clientId: string;
  clientSecret: string;
  /** GOOGLE_REDIRECT_URL, else PUBLIC_URL + /oauth/google/callback; unset: this server's own address. */
  redirectUrl?: string;
  /** Google's consent page, token endpoint, API roots and OIDC certificates (a local fake's in tests). */
  authUrl: string;
  tokenUrl: string;
  apiRoots: GoogleApiRoots;
  oidcCertsUrl: string;
  /** Pub/Sub push: the audience its OIDC tokens name and the service account they are issued to. */
  pubsub?: { audience: string; serviceAccount: string };
}

export interface PlaidConfig {
  clientId: string;
  secret: string;
  environment: 'sandbox' | 'production';
  /** Plaid's API for the environment, or PLAID_BASE_URL (tests and development). */
  baseUrl: string;
}

export interface BankTokenKeys {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Travel quotes (SPEC §4): where the chef drives from, the fee rules, and how distances are found. */
export interface TravelConfig {
  /** The origin of every drive: a city or ZIP centroid in the default configuration. */
  baseAddress: string;
  /** Skips geocoding the base address when set. */
  baseLocation?: { lat: number; lng: number };
  rules: {
    freeMiles: number;
    feeCentsPerMile: number;
    /** Farther than this (road miles) is declined. */
    maxMiles: number;
    /** Upper bounds of the PRIMARY and SECONDARY bands; EXTENDED runs to maxMiles. */
    primaryMiles: number;
    secondaryMiles: number;
  };
  /** Offline estimates: straight-line miles times this is the road distance, driven at averageMph. */
  roadFactor: number;
  averageMph: number;
  cluster: { radiusMiles: number; discountPercent: number };
  geocodeCacheDays: number;
  /** Present when GOOGLE_MAPS_API_KEY is set; otherwise quotes are offline estimates. */
  googleMaps?: { apiKey: string; baseUrl?: string; maxAttempts: number };
}

export interface MetaConfig {
  graphApiUrl: string;
  appSecret: string;
  verifyToken: string;
  /** Sends Messenger and Instagram replies. */
  pageAccessToken?: string;
  whatsapp?: { token: string; phoneNumberId: string };
}

function dollars(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US')}`;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly requirement: string) {
    super(`Configuration error: ${variable} ${requirement}`);
    this.name = 'ConfigError';
  }
}

/** The workspace root: the nearest folder above this file that holds pnpm-workspace.yaml. */
export function findWorkspaceRoot(start = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(environment);
  if (!parsed.success) {
    // One clear line for the first problem; values are never echoed (they may be secrets).
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const env = parsed.data;
  const root = findWorkspaceRoot();
  const resolveDir = (dir: string) => (path.isAbsolute(dir) ? dir : path.resolve(root, dir));

  return {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
    database: env.DATABASE_URL
      ? { kind: 'external', url: env.DATABASE_URL }
      : {
          kind: 'embedded',
          dataDir: resolveDir(env.DATA_DIR ?? '.data'),
          port: env.EMBEDDED_POSTGRES_PORT,
        },
    databaseStatementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
    sqlStatementsPerOperation: env.SQL_STATEMENTS_PER_OPERATION ?? env.NODE_ENV !== 'production',
    redis: env.REDIS_URL
      ? { kind: 'redis', url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX }
      : { kind: 'in-process', keyPrefix: env.REDIS_KEY_PREFIX },
    initialAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    businessTimeZone: env.BUSINESS_TIME_ZONE,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    staffPasswordLinkHours: env.STAFF_PASSWORD_LINK_HOURS,
    presenceGraceSeconds: env.PRESENCE_GRACE_SECONDS,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockoutSeconds: Math.round(env.LOGIN_LOCKOUT_MINUTES * 60),
    loginMaxFailuresPerMinutePerIp: env.LOGIN_MAX_FAILURES_PER_MINUTE_PER_IP,
    badTokenMaxPerMinute: env.BAD_TOKEN_MAX_PER_MINUTE,
    graphqlMaxDepth: env.GRAPHQL_MAX_DEPTH,
    graphqlMaxPageSize: env.GRAPHQL_MAX_PAGE_SIZE,
    graphqlMaxCost: env.GRAPHQL_MAX_COST,
    graphqlMaxAliases: env.GRAPHQL_MAX_ALIASES,
    graphqlMaxMutations: env.GRAPHQL_MAX_MUTATIONS,
    consoleDistDir: resolveDir(env.CONSOLE_DIST_DIR ?? 'console/dist'),
    business: {
      name: env.BUSINESS_NAME,
      pricePerGuestCents: env.PRICE_PER_GUEST_CENTS,
      minimumSpendCents: env.MINIMUM_SPEND_CENTS,
      faq: {
        MINIMUM_SPEND:
          env.FAQ_MINIMUM_SPEND ??
          `Our price is ${dollars(env.PRICE_PER_GUEST_CENTS)} per guest with a ${dollars(env.MINIMUM_SPEND_CENTS)} minimum per party, plus a travel fee beyond ${env.TRAVEL_FREE_MILES} miles.`,
        SERVICE_AREA:
          env.FAQ_SERVICE_AREA ?? `We travel to homes within about ${env.TRAVEL_MAX_MILES} miles of our base; travel is free for the first ${env.TRAVEL_FREE_MILES} miles.`,
        VEGETARIAN_OPTIONS:
          env.FAQ_VEGETARIAN_OPTIONS ?? 'Yes! We offer tofu and grilled vegetable plates, and we cook vegetarian orders separately on request.',
        WHATS_INCLUDED:
          env.FAQ_WHATS_INCLUDED ??
          'Every party includes the chef, the grill, fried rice, vegetables, salad, and your choice of two proteins per guest. You provide tables and plates.',
      },
      faqSpanish: {
        MINIMUM_SPEND:
          env.FAQ_MINIMUM_SPEND_ES ??
          `Nuestro precio es de ${dollars(env.PRICE_PER_GUEST_CENTS)} por invitado, con un mínimo de ${dollars(env.MINIMUM_SPEND_CENTS)} por fiesta, más un cargo de traslado después de ${env.TRAVEL_FREE_MILES} millas.`,
        SERVICE_AREA:
          env.FAQ_SERVICE_AREA_ES ?? `Vamos a domicilios a unas ${env.TRAVEL_MAX_MILES} millas de nuestra base; el traslado es gratis las primeras ${env.TRAVEL_FREE_MILES} millas.`,
        VEGETARIAN_OPTIONS:
          env.FAQ_VEGETARIAN_OPTIONS_ES ?? '¡Sí! Ofrecemos platos de tofu y verduras a la parrilla, y cocinamos los pedidos vegetarianos por separado si lo pide.',
        WHATS_INCLUDED:
          env.FAQ_WHATS_INCLUDED_ES ??
          'Cada fiesta incluye el chef, la parrilla, arroz frito, verduras, ensalada y dos proteínas a elegir por invitado. Usted pone las mesas y los platos.',
      },
    },
    assistant: {
      enabled: env.AI_BOOKING_ENABLED,
      confidenceThreshold: env.AI_BOOKING_CONFIDENCE_THRESHOLD,
      maxAttempts: env.AI_BOOKING_MAX_ATTEMPTS,
      openai: env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY, model: env.OPENAI_MODEL, baseURL: env.OPENAI_BASE_URL } : undefined,
    },
    escalations: { ackTimeoutSeconds: env.ESCALATION_ACK_TIMEOUT_SECONDS, sweepSeconds: env.ESCALATION_SWEEP_SECONDS },
    bookings: {
      pricePerAdultCents: env.PRICE_PER_GUEST_CENTS,
      pricePerKidCents: env.PRICE_PER_KID_CENTS,
      minimumSpendCents: env.MINIMUM_SPEND_CENTS,
      depositCents: env.DEPOSIT_CENTS,
      maxGuests: env.BOOKING_MAX_GUESTS,
      completionEverySeconds: env.BOOKING_COMPLETION_EVERY_SECONDS,
      termsAgainOn: env.TERMS_AGAIN_ON_CHANGE,
    },
    quietHours: env.QUIET_HOURS,
    reminders: {
      reminderTime: env.REMINDER_SEND_TIME,
      paymentReminderDays: env.PAYMENT_REMINDER_DAYS,
      reviewRequestTime: env.REVIEW_REQUEST_SEND_TIME,
      reviewLink: env.REVIEW_LINK_URL ?? null,
      everySeconds: env.SCHEDULED_MESSAGES_EVERY_SECONDS,
      reviewRequestStaleDays: 14,
    },
    metricAlerts: {
      everySeconds: env.METRIC_ALERTS_EVERY_SECONDS,
      termsRateBelow: env.ALERT_TERMS_RATE_BELOW,
      invalidTermsRepliesAbove: env.ALERT_INVALID_TERMS_REPLIES_ABOVE,
      aiSuccessBelow: env.ALERT_AI_SUCCESS_BELOW,
      escalationRateAbove: env.ALERT_ESCALATION_RATE_ABOVE,
      signatureFailuresAbove: env.ALERT_SIGNATURE_FAILURES_ABOVE,
      minThreads: env.ALERT_MIN_THREADS,
      minTermsRequests: env.ALERT_MIN_TERMS_REQUESTS,
    },
    selfService: {
      enabled: env.AI_SELF_SERVICE_ENABLED,
      chefCount: env.CHEF_COUNT,
      changeMinDays: env.SELF_SERVICE_CHANGE_MIN_DAYS,
      upsetSentiment: env.SELF_SERVICE_UPSET_SENTIMENT,
      refundMinDays: env.CANCELLATION_REFUND_MIN_DAYS,
    },
    webChat: {
      maxMessagesPerMinute: env.WEB_CHAT_MAX_MESSAGES_PER_MINUTE,
      maxMessagesPerMinutePerIp: env.WEB_CHAT_MAX_MESSAGES_PER_MINUTE_PER_IP,
      sessionDays: env.WEB_CHAT_SESSION_DAYS,
      waitNoticeSeconds: env.WEB_CHAT_WAIT_NOTICE_SECONDS,
    },
    helpContact: env.BUSINESS_HELP_CONTACT,
    reviews: {
      autoReplyDelayMs: env.REVIEW_AUTO_REPLY_DELAY_MINUTES * 60_000,
      replySweepSeconds: env.REVIEW_REPLY_SWEEP_SECONDS,
      verifyWindowDays: env.REVIEW_VERIFY_WINDOW_DAYS,
      templates: env.REVIEW_REPLY_TEMPLATES,
      businessPhone: env.BUSINESS_PHONE ?? null,
      businessEmail: env.BUSINESS_EMAIL ?? null,
    },
    email: {
      smtp: smtpSettings(env),
      from: env.EMAIL_FROM ?? `${env.BUSINESS_NAME.replace(/[<>"\r\n]/g, '')} <${env.BUSINESS_EMAIL ?? 'reports@localhost.localdomain'}>`,
      ownerEmail: env.OWNER_EMAIL ?? null,
      weeklyReport: { weekday: WEEKDAYS.indexOf(env.WEEKLY_REPORT_DAY) + 1, time: env.WEEKLY_REPORT_TIME },
    },
    terms: { evidenceLinkMinutes: env.TERMS_EVIDENCE_LINK_MINUTES },
    payments: {
      autoMatchThreshold: env.PAYMENT_AUTO_MATCH_THRESHOLD,
      unmatchedAlertDays: env.PAYMENT_UNMATCHED_ALERT_DAYS,
      unmatchedCheckEverySeconds: env.PAYMENT_UNMATCHED_CHECK_EVERY_SECONDS,
      statementMaxBytes: env.BANK_STATEMENT_MAX_BYTES,
    },
    webhooks: { skipValidation: env.SKIP_WEBHOOK_VALIDATION, maxRejectionsPerMinute: env.WEBHOOK_MAX_REJECTIONS_PER_MINUTE, answerMs: env.WEBHOOK_ANSWER_SECONDS * 1000 },
    jobs: { pollingIntervalSeconds: env.JOBS_POLL_SECONDS, retryLimit: env.JOB_RETRY_LIMIT, retryDelaySeconds: env.JOB_RETRY_DELAY_SECONDS, timeoutSeconds: env.JOB_TIMEOUT_SECONDS },
    providerTimeoutMs: env.PROVIDER_TIMEOUT_SECONDS * 1000,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    ringCentral:
      env.RINGCENTRAL_CLIENT_ID && env.RINGCENTRAL_CLIENT_SECRET && env.RINGCENTRAL_JWT && env.RINGCENTRAL_FROM_NUMBER && env.RINGCENTRAL_WEBHOOK_TOKEN
        ? {
            serverUrl: env.RINGCENTRAL_SERVER_URL ?? 'https://platform.ringcentral.com',
            clientId: env.RINGCENTRAL_CLIENT_ID,
            clientSecret: env.RINGCENTRAL_CLIENT_SECRET,
            jwt: env.RINGCENTRAL_JWT,
            fromNumber: env.RINGCENTRAL_FROM_NUMBER,
            webhookToken: env.RINGCENTRAL_WEBHOOK_TOKEN,
          }
        : undefined,
    meta:
      env.META_APP_SECRET && env.META_VERIFY_TOKEN
        ? {
            graphApiUrl: env.META_GRAPH_API_URL ?? 'https://graph.facebook.com/v21.0',
            appSecret: env.META_APP_SECRET,
            verifyToken: env.META_VERIFY_TOKEN,
            pageAccessToken: env.META_PAGE_ACCESS_TOKEN,
            whatsapp:
              env.META_WHATSAPP_TOKEN && env.META_WHATSAPP_PHONE_NUMBER_ID
                ? { token: env.META_WHATSAPP_TOKEN, phoneNumberId: env.META_WHATSAPP_PHONE_NUMBER_ID }
                : undefined,
          }
        : undefined,
    stripe:
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.STRIPE_API_BASE }
        : undefined,
    plaid:
      env.PLAID_CLIENT_ID && env.PLAID_SECRET
        ? {
            clientId: env.PLAID_CLIENT_ID,
            secret: env.PLAID_SECRET,
            environment: env.PLAID_ENV ?? 'sandbox',
            baseUrl: env.PLAID_BASE_URL ?? (env.PLAID_ENV === 'production' ? 'https://production.plaid.com' : 'https://sandbox.plaid.com'),
          }
        : undefined,
    googleBusiness:
      env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
        ? {
            clientId: env.GOOGLE_CLIENT_ID,
            clientSecret: env.GOOGLE_CLIENT_SECRET,
            redirectUrl: env.GOOGLE_REDIRECT_URL ?? (env.PUBLIC_URL ? `${env.PUBLIC_URL.replace(/\/+$/, '')}/oauth/google/callback` : undefined),
            authUrl: env.GOOGLE_OAUTH_AUTH_URL ?? 'https://accounts.google.com/o/oauth2/v2/auth',
            tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL ?? 'https://oauth2.googleapis.com/token',
            // Google splits the Business Profile APIs across hosts; a local fake serves all three.
            apiRoots: {
              accountManagement: env.GOOGLE_API_ROOT_URL?.replace(/\/+$/, '') ?? 'https://mybusinessaccountmanagement.googleapis.com',
              businessInformation: env.GOOGLE_API_ROOT_URL?.replace(/\/+$/, '') ?? 'https://mybusinessbusinessinformation.googleapis.com',
              reviews: env.GOOGLE_API_ROOT_URL?.replace(/\/+$/, '') ?? 'https://mybusiness.googleapis.com',
            },
            oidcCertsUrl: env.GOOGLE_OIDC_CERTS_URL ?? 'https://www.googleapis.com/oauth2/v1/certs',
            pubsub:
              env.GOOGLE_PUBSUB_AUDIENCE && env.GOOGLE_PUBSUB_SERVICE_ACCOUNT
                ? { audience: env.GOOGLE_PUBSUB_AUDIENCE, serviceAccount: env.GOOGLE_PUBSUB_SERVICE_ACCOUNT }
                : undefined,
          }
        : undefined,
    bankTokenKeys: env.BANK_TOKEN_KEYS
      ? { currentKeyId: env.BANK_TOKEN_KEY_ID ?? [...env.BANK_TOKEN_KEYS.keys()][0], keys: env.BANK_TOKEN_KEYS }
      : undefined,
    travel: {
      baseAddress: env.TRAVEL_BASE_ADDRESS,
      baseLocation: env.TRAVEL_BASE_LATLNG,
      rules: {
        freeMiles: env.TRAVEL_FREE_MILES,
        feeCentsPerMile: env.TRAVEL_FEE_CENTS_PER_MILE,
        maxMiles: env.TRAVEL_MAX_MILES,
        primaryMiles: env.TRAVEL_PRIMARY_MILES,
        secondaryMiles: env.TRAVEL_SECONDARY_MILES,
      },
      roadFactor: env.TRAVEL_ROAD_FACTOR,
      averageMph: env.TRAVEL_AVERAGE_MPH,
      cluster: { radiusMiles: env.TRAVEL_CLUSTER_RADIUS_MILES, discountPercent: env.TRAVEL_CLUSTER_DISCOUNT_PERCENT },
      geocodeCacheDays: env.TRAVEL_GEOCODE_CACHE_DAYS,
      googleMaps: env.GOOGLE_MAPS_API_KEY
        ? { apiKey: env.GOOGLE_MAPS_API_KEY, baseUrl: env.GOOGLE_MAPS_BASE_URL, maxAttempts: env.GOOGLE_MAPS_MAX_ATTEMPTS }
        : undefined,
    },
  };
}
