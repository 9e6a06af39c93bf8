// Configuration comes only from the environment (see the README's table).
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** unset = embedded SQLite file in dataDir */
  databaseUrl: string | null;
  demo: boolean;
  /** server processes sharing the port (PostgreSQL only: SQLite has one writer) */
  workers: number;
  cookieSecure: boolean;
  logLevel: string;
  /** login attempts per minute per IP */
  loginRateLimit: number;
  /** the assistant (issue 4): questions per minute per address, and the optional language model */
  assistant: AssistantConfig;
  /** outgoing messages: SMTP (unset = the dev mailbox), sender, the hall's address for links, SMS provider */
  messages: MessagesConfig;
}

export interface MessagesConfig {
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  /** 'log' writes each text message to the log and the dev mailbox; real gateways plug in behind the same interface */
  smsProvider: 'log';
}

export interface AssistantConfig {
  rateLimit: number;
  /** OpenAI-compatible chat completions; null = answers come from retrieval only */
  llm: { url: string; model: string; key: string | null; timeoutMs: number } | null;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'on', 'yes'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    // Demo mode is on by default for the embedded database and off for PostgreSQL.
    demo: flag(env.ONESTOP_DEMO, databaseUrl === null),
    workers: Math.max(1, Math.floor(Number(env.WORKERS ?? 1)) || 1),
    cookieSecure: flag(env.COOKIE_SECURE, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 10),
    messages: {
      smtpUrl: env.SMTP_URL?.trim() || null,
      mailFrom: env.MAIL_FROM?.trim() || 'OneStop 一站通 <onestop@localhost>',
      publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${Number(env.PORT ?? 3000)}`).replace(/\/+$/, ''),
      smsProvider: 'log',
    },
    assistant: {
      rateLimit: Number(env.ASSISTANT_RATE_LIMIT ?? 20),
      llm: env.ASSISTANT_LLM_URL?.trim()
        ? {
          url: env.ASSISTANT_LLM_URL.trim(),
          model: env.ASSISTANT_LLM_MODEL?.trim() || 'gpt-4o-mini',
          key: env.ASSISTANT_LLM_KEY?.trim() || null,
          timeoutMs: Number(env.ASSISTANT_LLM_TIMEOUT_MS ?? 8000),
        }
        : null,
    },
  };
}
