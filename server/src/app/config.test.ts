import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database and in-process pub/sub', () => {
    const config = loadConfig({});
    expect(config.database).toMatchObject({ kind: 'embedded', dataDir: expect.stringMatching(/\.data$/) });
    expect(config.redis.kind).toBe('in-process');
    expect(config.port).toBe(4000);
    expect(config.businessTimeZone).toBe('America/New_York');
  });

  it('logs readable lines in development and JSON elsewhere, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: '' }).logFormat).toBe('pretty');
  });

  it('trusts no proxy unless told: a hop count, or addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
  });

  it('keeps email in the local outbox without SMTP settings, and asks for a sender and the owner with them, never echoing the password', () => {
    expect(loadConfig({}).email).toMatchObject({ smtp: null, ownerEmail: null, weeklyReport: { weekday: 1, time: '08:00' } });
    const smtp = { SMTP_HOST: 'smtp.example.com', SMTP_USER: 'reports', SMTP_PASSWORD: 'not-a-real-password-123', EMAIL_FROM: 'Hibachi <reports@example.com>', OWNER_EMAIL: 'owner@example.com' };
    expect(loadConfig(smtp).email).toMatchObject({ smtp: { host: 'smtp.example.com', port: 587, secure: false, auth: { user: 'reports', pass: 'not-a-real-password-123' } }, from: 'Hibachi <reports@example.com>', ownerEmail: 'owner@example.com' });
    expect(loadConfig({ ...smtp, SMTP_PORT: '465' }).email.smtp).toMatchObject({ port: 465, secure: true });
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@smtp.example.com:465', EMAIL_FROM: 'reports@example.com', OWNER_EMAIL: 'owner@example.com' }).email.smtp).toEqual({ url: 'smtps://u:p@smtp.example.com:465' });
    expect(() => loadConfig({ ...smtp, OWNER_EMAIL: '' })).toThrow(/OWNER_EMAIL must be set when email goes through SMTP/);
    expect(() => loadConfig({ ...smtp, SMTP_PASSWORD: '' })).toThrow(/SMTP_PASSWORD must be set: an SMTP login needs both/);
    expect(() => loadConfig({ ...smtp, SMTP_URL: 'smtp://x:y@h' })).toThrow(/SMTP_HOST must not be set with SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'http://secret-in-url@h' })).toThrow(/SMTP_URL must be a URL like smtps:/);
    expect(() => loadConfig({ SMTP_URL: 'http://secret-in-url@h' })).not.toThrow(/secret-in-url/);
    expect(() => loadConfig({ EMAIL_FROM: 'not an address' })).toThrow(/EMAIL_FROM must be an address such as/);
    expect(() => loadConfig({ WEEKLY_REPORT_DAY: 'someday' })).toThrow(/WEEKLY_REPORT_DAY must be a day of the week/);
    expect(loadConfig({ WEEKLY_REPORT_DAY: 'sunday', WEEKLY_REPORT_TIME: '18:30' }).email.weeklyReport).toEqual({ weekday: 7, time: '18:30' });
  });

  it('lets the assistant finish changes by the default rules unless told otherwise', () => {
    expect(loadConfig({}).selfService).toEqual({ enabled: true, chefCount: 2, changeMinDays: 3, upsetSentiment: -0.3, refundMinDays: 7 });
    expect(loadConfig({}).bookings.termsAgainOn).toEqual(['DATE', 'ADDRESS', 'MORE_GUESTS']);
    expect(loadConfig({ CHEF_COUNT: '4', AI_SELF_SERVICE_ENABLED: 'false', CANCELLATION_REFUND_MIN_DAYS: '14' }).selfService).toMatchObject({ enabled: false, chefCount: 4, refundMinDays: 14 });
    expect(loadConfig({ TERMS_AGAIN_ON_CHANGE: 'date, time,date' }).bookings.termsAgainOn).toEqual(['DATE', 'TIME']);
    expect(loadConfig({ TERMS_AGAIN_ON_CHANGE: 'none' }).bookings.termsAgainOn).toEqual([]);
    expect(() => loadConfig({ TERMS_AGAIN_ON_CHANGE: 'DATE,COLOUR' })).toThrow(/TERMS_AGAIN_ON_CHANGE "COLOUR" is not a change; use a comma list of DATE, TIME, ADDRESS, MORE_GUESTS, FEWER_GUESTS, or none/);
    expect(() => loadConfig({ CHEF_COUNT: '0' })).toThrow(/CHEF_COUNT must be a whole number from 1 to 100/);
  });

  it('checks the metrics every 5 minutes against SPEC §8 thresholds on samples of 10 unless told otherwise, and refuses a rate outside 0..1', () => {
    expect(loadConfig({}).metricAlerts).toEqual({
      everySeconds: 300,
      termsRateBelow: 0.95,
      invalidTermsRepliesAbove: 5,
      aiSuccessBelow: 0.7,
      escalationRateAbove: 0.2,
      signatureFailuresAbove: 0,
      minThreads: 10,
      minTermsRequests: 10,
    });
    expect(loadConfig({ METRIC_ALERTS_EVERY_SECONDS: '60', ALERT_ESCALATION_RATE_ABOVE: '0.35', ALERT_MIN_THREADS: '25' }).metricAlerts).toMatchObject({ everySeconds: 60, escalationRateAbove: 0.35, minThreads: 25 });
    expect(() => loadConfig({ ALERT_TERMS_RATE_BELOW: '95' })).toThrow(/ALERT_TERMS_RATE_BELOW/);
    expect(() => loadConfig({ ALERT_MIN_THREADS: '0' })).toThrow(/ALERT_MIN_THREADS must be a whole number from 1/);
  });

  it('limits what one GraphQL operation may ask unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ graphqlMaxCost: 10_000, graphqlMaxAliases: 15, graphqlMaxMutations: 5 });
    expect(loadConfig({ GRAPHQL_MAX_COST: '2500', GRAPHQL_MAX_ALIASES: '0', GRAPHQL_MAX_MUTATIONS: '1' })).toMatchObject({
      graphqlMaxCost: 2500,
      graphqlMaxAliases: 0,
      graphqlMaxMutations: 1,
    });
  });

  it('locks an account for an address after 5 wrong passwords for 15 minutes, and slows an address after 10 a minute, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ loginMaxFailures: 5, loginLockoutSeconds: 900, loginMaxFailuresPerMinutePerIp: 10 });
    expect(loadConfig({ LOGIN_LOCKOUT_MINUTES: '0.05' }).loginLockoutSeconds).toBe(3);
  });

  it('uses DATABASE_URL and REDIS_URL when given', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/app', REDIS_URL: 'redis://cache:6379' });
    expect(config.database).toEqual({ kind: 'external', url: 'postgres://u:p@db:5432/app' });
    expect(config.redis).toMatchObject({ kind: 'redis', url: 'redis://cache:6379' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a TCP port number'],
    [{ PORT: '70000' }, 'PORT must be a TCP port number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a URL like postgres://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL must be a URL like redis://'],
    [{ BUSINESS_TIME_ZONE: 'Mars/Olympus' }, 'BUSINESS_TIME_ZONE must be an IANA time zone'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be development, test or production'],
    [{ LOG_FORMAT: 'text' }, 'LOG_FORMAT must be pretty or json'],
    [{ ADMIN_EMAIL: 'owner@example.test' }, 'ADMIN_PASSWORD must be set together with ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'owner@example.test', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 12 characters'],
    [{ GRAPHQL_MAX_PAGE_SIZE: '0' }, 'GRAPHQL_MAX_PAGE_SIZE must be a whole number from 1 to 1000'],
    [{ GRAPHQL_MAX_COST: 'lots' }, 'GRAPHQL_MAX_COST must be a whole number from 100 to 10000000'],
    [{ GRAPHQL_MAX_MUTATIONS: '0' }, 'GRAPHQL_MAX_MUTATIONS must be a whole number from 1 to 100'],
    [{ LOGIN_LOCKOUT_MINUTES: '0' }, 'LOGIN_LOCKOUT_MINUTES must be a number of minutes from 0.05 to 1440'],
    [{ LOGIN_MAX_FAILURES_PER_MINUTE_PER_IP: '0' }, 'LOGIN_MAX_FAILURES_PER_MINUTE_PER_IP must be a whole number from 1 to 10000'],
    [{ NODE_ENV: 'production', SKIP_WEBHOOK_VALIDATION: 'true' }, 'SKIP_WEBHOOK_VALIDATION must not be true in production'],
    [{ RINGCENTRAL_CLIENT_ID: 'id' }, 'RINGCENTRAL_CLIENT_SECRET must be set: RingCentral needs all of'],
    [{ RINGCENTRAL_FROM_NUMBER: '555-0100' }, 'RINGCENTRAL_FROM_NUMBER must be an E.164 number'],
    [{ META_APP_SECRET: 'app-secret' }, 'META_VERIFY_TOKEN must be set: The Meta webhook needs all of META_APP_SECRET, META_VERIFY_TOKEN'],
    [{ META_PAGE_ACCESS_TOKEN: 'page-token' }, 'META_APP_SECRET must be set: META_PAGE_ACCESS_TOKEN answer messages that arrive on the Meta webhook'],
    [{ META_APP_SECRET: 's', META_VERIFY_TOKEN: 'verify-token-0123456789', META_WHATSAPP_TOKEN: 't' }, 'META_WHATSAPP_PHONE_NUMBER_ID must be set: WhatsApp replies needs all of'],
    [{ META_WHATSAPP_PHONE_NUMBER_ID: '+1 555' }, 'META_WHATSAPP_PHONE_NUMBER_ID must be the numeric WhatsApp phone number id'],
    [{ SHUTDOWN_GRACE_SECONDS: '0' }, 'SHUTDOWN_GRACE_SECONDS must be a whole number from 1 to 3600'],
    [{ PROVIDER_TIMEOUT_SECONDS: 'soon' }, 'PROVIDER_TIMEOUT_SECONDS must be a whole number from 1 to 30'],
    [{ PROVIDER_TIMEOUT_SECONDS: '30', JOB_TIMEOUT_SECONDS: '45' }, 'JOB_TIMEOUT_SECONDS must be at least twice PROVIDER_TIMEOUT_SECONDS (30)'],
    [{ TRUST_PROXY: 'my-proxy' }, 'TRUST_PROXY "my-proxy" is not an address, a CIDR range, or one of loopback, linklocal, uniquelocal'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY "10.0.0.0/33" is not an address'],
  ])('refuses %o with a line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(`Configuration error: ${message}`);
  });

  it('gives shutdown 20 s, provider calls 10 s and a job attempt 60 s unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ shutdownGraceMs: 20_000, providerTimeoutMs: 10_000, jobs: { timeoutSeconds: 60 } });
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: '45', PROVIDER_TIMEOUT_SECONDS: '3', JOB_TIMEOUT_SECONDS: '6' })).toMatchObject({
      shutdownGraceMs: 45_000,
      providerTimeoutMs: 3000,
      jobs: { timeoutSeconds: 6 },
    });
  });

  it('honours SKIP_WEBHOOK_VALIDATION outside production, and uses the local outbox without RingCentral credentials', () => {
    const config = loadConfig({ NODE_ENV: 'development', SKIP_WEBHOOK_VALIDATION: 'true' });
    expect(config.webhooks.skipValidation).toBe(true);
    expect(config.ringCentral).toBeUndefined();
  });

  it('configures the Meta webhook with whichever reply tokens are given', () => {
    const webhookOnly = loadConfig({ META_APP_SECRET: 'app-secret', META_VERIFY_TOKEN: 'verify-token-0123456789' });
    expect(webhookOnly.meta).toMatchObject({ graphApiUrl: 'https://graph.facebook.com/v21.0', pageAccessToken: undefined, whatsapp: undefined });
    const everything = loadConfig({
      META_APP_SECRET: 'app-secret',
      META_VERIFY_TOKEN: 'verify-token-0123456789',
      META_PAGE_ACCESS_TOKEN: 'page-token',
      META_WHATSAPP_TOKEN: 'wa-token',
      META_WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    });
    expect(everything.meta).toMatchObject({ pageAccessToken: 'page-token', whatsapp: { token: 'wa-token', phoneNumberId: '106540352242922' } });
  });

  it('quotes travel offline by SPEC §4 rules from a ZIP centroid base unless told otherwise', () => {
    const { travel } = loadConfig({});
    expect(travel).toMatchObject({
      baseAddress: 'Vacaville, CA 95687',
      baseLocation: undefined,
      rules: { freeMiles: 30, feeCentsPerMile: 200, maxMiles: 100, primaryMiles: 30, secondaryMiles: 60 },
      roadFactor: 1.25,
      cluster: { radiusMiles: 15, discountPercent: 50 },
      googleMaps: undefined,
    });
    const configured = loadConfig({ GOOGLE_MAPS_API_KEY: 'maps-key', TRAVEL_BASE_LATLNG: '38.2671, -122.0357', TRAVEL_ROAD_FACTOR: '1.4' }).travel;
    expect(configured).toMatchObject({ baseLocation: { lat: 38.2671, lng: -122.0357 }, roadFactor: 1.4, googleMaps: { apiKey: 'maps-key', maxAttempts: 3 } });
  });

  it('refuses travel settings that do not fit together', () => {
    expect(() => loadConfig({ TRAVEL_BASE_LATLNG: 'Vacaville' })).toThrow(/TRAVEL_BASE_LATLNG must be "latitude,longitude"/);
    expect(() => loadConfig({ TRAVEL_BASE_LATLNG: '138.1,-122' })).toThrow(/TRAVEL_BASE_LATLNG/);
    expect(() => loadConfig({ TRAVEL_PRIMARY_MILES: '70' })).toThrow(/TRAVEL_PRIMARY_MILES must be at most TRAVEL_SECONDARY_MILES \(60\)/);
    expect(() => loadConfig({ TRAVEL_MAX_MILES: '50' })).toThrow(/TRAVEL_SECONDARY_MILES must be at most TRAVEL_MAX_MILES \(50\)/);
    expect(() => loadConfig({ NODE_ENV: 'production', GOOGLE_MAPS_BASE_URL: 'http://127.0.0.1:9999' })).toThrow(/GOOGLE_MAPS_BASE_URL must not be set in production/);
  });

  it('replies to 4-5 star reviews after 30 minutes and checks low reviewers against 60 days of events unless told otherwise', () => {
    expect(loadConfig({}).reviews).toEqual({ autoReplyDelayMs: 30 * 60_000, replySweepSeconds: 300, verifyWindowDays: 60, templates: {}, businessPhone: null, businessEmail: null });
    const templates = { RATING_5: ['Thanks {firstName}!', 'Thank you, {firstName}!'] };
    expect(loadConfig({ REVIEW_REPLY_TEMPLATES: JSON.stringify(templates), REVIEW_AUTO_REPLY_DELAY_MINUTES: '0' }).reviews).toMatchObject({ templates, autoReplyDelayMs: 0 });
  });

  it('refuses reply templates that would not work', () => {
    expect(() => loadConfig({ REVIEW_REPLY_TEMPLATES: '{oops' })).toThrow(/REVIEW_REPLY_TEMPLATES must be JSON/);
    expect(() => loadConfig({ REVIEW_REPLY_TEMPLATES: '{"RATING_6": ["a", "b"]}' })).toThrow(/"RATING_6" is not a reply kind/);
    expect(() => loadConfig({ REVIEW_REPLY_TEMPLATES: '{"RATING_5": ["only one"]}' })).toThrow(/at least two texts/);
    expect(() => loadConfig({ REVIEW_REPLY_TEMPLATES: '{"RATING_5": ["Hi {name}", "Hello"]}' })).toThrow(/uses \{name\}, which is not a placeholder/);
    expect(() => loadConfig({ BUSINESS_EMAIL: 'not an email' })).toThrow(/BUSINESS_EMAIL must be an email address/);
  });

  it('connects Plaid only with both credentials and a key for the bank tokens, and picks the key that encrypts', () => {
    const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
    expect(loadConfig({}).plaid).toBeUndefined();
    const plaid = loadConfig({ PLAID_CLIENT_ID: 'client', PLAID_SECRET: 'secret', BANK_TOKEN_KEYS: `k1:${key(1)}` });
    expect(plaid.plaid).toEqual({ clientId: 'client', secret: 'secret', environment: 'sandbox', baseUrl: 'https://sandbox.plaid.com' });
    expect(plaid.bankTokenKeys?.currentKeyId).toBe('k1');
    expect(loadConfig({ PLAID_CLIENT_ID: 'c', PLAID_SECRET: 's', PLAID_ENV: 'production', BANK_TOKEN_KEYS: `k1:${key(1)}` }).plaid?.baseUrl).toBe('https://production.plaid.com');
    const rotated = loadConfig({ BANK_TOKEN_KEYS: `old:${key(1)}, new:${key(2)}`, BANK_TOKEN_KEY_ID: 'new' }).bankTokenKeys!;
    expect(rotated.currentKeyId).toBe('new');
    expect([...rotated.keys.keys()]).toEqual(['old', 'new']);

    expect(() => loadConfig({ PLAID_CLIENT_ID: 'client' })).toThrow(/PLAID_SECRET must be set/);
    expect(() => loadConfig({ PLAID_CLIENT_ID: 'c', PLAID_SECRET: 's' })).toThrow(/BANK_TOKEN_KEYS must be set with Plaid/);
    expect(() => loadConfig({ PLAID_ENV: 'staging' })).toThrow(/PLAID_ENV must be sandbox or production/);
    expect(() => loadConfig({ BANK_TOKEN_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` })).toThrow(/BANK_TOKEN_KEYS entry 1 must be "keyid:base64".*32 bytes/);
    expect(() => loadConfig({ BANK_TOKEN_KEYS: `k1:${key(1)},k2:${key(2)}` })).toThrow(/BANK_TOKEN_KEY_ID must be set/);
    expect(() => loadConfig({ BANK_TOKEN_KEYS: `k1:${key(1)}`, BANK_TOKEN_KEY_ID: 'k9' })).toThrow(/BANK_TOKEN_KEY_ID must be one of the key ids in BANK_TOKEN_KEYS \(k1\)/);
    expect(() => loadConfig({ NODE_ENV: 'production', PLAID_BASE_URL: 'http://127.0.0.1:9999' })).toThrow(/PLAID_BASE_URL must not be set in production/);
    // A refused key is never echoed.
    expect(() => loadConfig({ BANK_TOKEN_KEYS: 'k1:c2VjcmV0LWJ1dC1zaG9ydA==' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('c2VjcmV0') }));
  });

  it('connects Google only with both credentials and a key for the refresh token, at Google’s addresses unless told', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({}).googleBusiness).toBeUndefined();
    const google = loadConfig({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret', BANK_TOKEN_KEYS: `k1:${key}`, PUBLIC_URL: 'https://console.example.com/' }).googleBusiness!;
    expect(google).toMatchObject({
      redirectUrl: 'https://console.example.com/oauth/google/callback',
      authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      apiRoots: { accountManagement: 'https://mybusinessaccountmanagement.googleapis.com', businessInformation: 'https://mybusinessbusinessinformation.googleapis.com', reviews: 'https://mybusiness.googleapis.com' },
      pubsub: undefined,
    });
    const pushed = loadConfig({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's', BANK_TOKEN_KEYS: `k1:${key}`, GOOGLE_PUBSUB_AUDIENCE: 'https://x.example/webhooks/google', GOOGLE_PUBSUB_SERVICE_ACCOUNT: 'push@p.iam.gserviceaccount.com' });
    expect(pushed.googleBusiness?.pubsub).toEqual({ audience: 'https://x.example/webhooks/google', serviceAccount: 'push@p.iam.gserviceaccount.com' });

    expect(() => loadConfig({ GOOGLE_CLIENT_ID: 'id' })).toThrow(/GOOGLE_CLIENT_SECRET must be set/);
    expect(() => loadConfig({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's' })).toThrow(/BANK_TOKEN_KEYS must be set with Google/);
    expect(() => loadConfig({ GOOGLE_PUBSUB_AUDIENCE: 'a', GOOGLE_PUBSUB_SERVICE_ACCOUNT: 'push@p.iam.gserviceaccount.com' })).toThrow(/GOOGLE_CLIENT_ID must be set/);
    expect(() => loadConfig({ GOOGLE_PUBSUB_AUDIENCE: 'a' })).toThrow(/GOOGLE_PUBSUB_SERVICE_ACCOUNT must be set/);
    expect(() => loadConfig({ GOOGLE_PUBSUB_SERVICE_ACCOUNT: 'not an email', GOOGLE_PUBSUB_AUDIENCE: 'a' })).toThrow(/GOOGLE_PUBSUB_SERVICE_ACCOUNT must be the email/);
    expect(() => loadConfig({ NODE_ENV: 'production', GOOGLE_OAUTH_TOKEN_URL: 'http://127.0.0.1:9999/token' })).toThrow(/GOOGLE_OAUTH_TOKEN_URL must not be set in production/);
  });

  it('never echoes the value it refuses (it may be a secret)', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'owner@example.test', ADMIN_PASSWORD: 'tiny-secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('tiny-secret') }),
    );
  });
});
