import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { ClaimedNotification } from '../domain/notification.js';
import { emailFor } from './message.js';
import { OutboundRefusedError, type OutboundPolicy } from '../engine/outbound-policy.js';

/** Where mail goes and how links are made; from the config file or the environment. */
export interface NotificationConfig {
  /** `smtp://user:password@host:port` or `smtps://…`; without it e-mail deliveries fail (and say why). */
  smtp?: string | undefined;
  /** The From address (default `jobdeck@localhost`). */
  mailFrom?: string | undefined;
  /** Base of the links in messages (default: `jobdeck start`'s listen address, else http://localhost:3000). */
  publicUrl?: string | undefined;
}

/** The config with the environment filled in: JOBDECK_SMTP_URL, JOBDECK_MAIL_FROM, JOBDECK_PUBLIC_URL. */
export interface ResolvedNotificationConfig {
  smtp: string;
  mailFrom: string;
  publicUrl: string;
}

export function resolveNotificationConfig(
  config: NotificationConfig = {},
  env = process.env,
): ResolvedNotificationConfig {
  return {
    smtp: config.smtp ?? env.JOBDECK_SMTP_URL ?? '',
    mailFrom: config.mailFrom ?? env.JOBDECK_MAIL_FROM ?? 'jobdeck@localhost',
    publicUrl: config.publicUrl ?? env.JOBDECK_PUBLIC_URL ?? 'http://localhost:3000',
  };
}

/** Header names of a webhook delivery. The signature is HMAC-SHA256 of the raw body with the secret. */
const SIGNATURE_HEADER = 'x-jobdeck-signature';
const TIMESTAMP_HEADER = 'x-jobdeck-timestamp';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Removes URL credentials (the SMTP password) from any text that may end up in a record or a log. */
export function redactSecrets(text: string, secrets: (string | null | undefined)[]): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]*:[^/\s@]*@/gi, '$1***@');
  for (const secret of secrets) if (secret && secret.length >= 3) out = out.split(secret).join('***');
  return out;
}

/** Sends deliveries; one instance per notification service, with one pooled SMTP transport. */
export class Channels {
  readonly #config: ResolvedNotificationConfig;
  readonly #timeoutMs: number;
  #mail: Transporter | undefined;

  readonly #outbound: OutboundPolicy;

  constructor(config: ResolvedNotificationConfig, timeoutMs: number, outbound: OutboundPolicy) {
    this.#config = config;
    this.#timeoutMs = timeoutMs;
    this.#outbound = outbound;
  }

  /** Resolves when delivered; throws an Error whose message says why not (no secrets in it). */
  async send(item: ClaimedNotification): Promise<void> {
    if (item.channel === 'email') await this.#email(item);
    else await this.#webhook(item);
  }

  close(): void {
    this.#mail?.close();
    this.#mail = undefined;
  }

  /** nodemailer is loaded at the first e-mail: most processes never send one. */
  async #transport(): Promise<Transporter> {
    if (!this.#config.smtp) {
      throw new Error('No SMTP server configured (config "smtp" or JOBDECK_SMTP_URL).');
    }
    if (!this.#mail) {
      const url = new URL(this.#config.smtp);
      const secure = url.protocol === 'smtps:';
      if (!secure && url.protocol !== 'smtp:') throw new Error(`SMTP URL must start smtp:// or smtps://`);
      const { default: nodemailer } = await import('nodemailer');
      this.#mail ??= nodemailer.createTransport({
        host: url.hostname,
        port: Number(url.port || (secure ? 465 : 587)),
        secure,
        ...(url.username && {
          auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
        }),
        // A local relay without TLS is common; ?ignoreTLS=true skips STARTTLS.
        ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
        connectionTimeout: this.#timeoutMs,
        greetingTimeout: this.#timeoutMs,
        socketTimeout: this.#timeoutMs,
        logger: false,
      });
    }
    return this.#mail;
  }

  async #email(item: ClaimedNotification): Promise<void> {
    const content = emailFor(item.payload);
    try {
      await (await this.#transport()).sendMail({ from: this.#config.mailFrom, to: item.target, ...content });
    } catch (error) {
      throw new Error(redactSecrets((error as Error).message, [this.#smtpPassword()]), { cause: error });
    }
  }

  #smtpPassword(): string | undefined {
    try {
      return decodeURIComponent(new URL(this.#config.smtp).password) || undefined;
    } catch {
      return undefined;
    }
  }

  async #webhook(item: ClaimedNotification): Promise<void> {
    const sentAt = new Date();
    // The timestamp is in the signed body too, so a receiver can refuse replays of old deliveries.
    const body = JSON.stringify({
      ...item.payload,
      delivery: item.id,
      attempt: item.attempt,
      sent_at: sentAt.toISOString(),
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Jobdeck-Webhook/1',
      'x-jobdeck-event': item.payload.event,
      'x-jobdeck-delivery': String(item.id),
      [TIMESTAMP_HEADER]: String(Math.floor(sentAt.getTime() / 1000)),
    };
    if (item.secret) headers[SIGNATURE_HEADER] = signBody(item.secret, body);
    let response: Response;
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    try {
      // Through the outbound policy; a redirect is not followed (it counts as a failure).
      response = await this.#outbound.fetch(item.target, {
        method: 'POST',
        headers,
        body,
        maxRedirects: 0,
        signal: timeout,
      });
    } catch (error) {
      const reason = timeout.aborted
        ? `no answer within ${this.#timeoutMs} ms`
        : error instanceof OutboundRefusedError
          ? error.message
          : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      throw new Error(redactSecrets(`POST failed: ${reason}`, [item.secret]), { cause: error });
    }
    // The body is read (and capped) only to say what went wrong.
    const text = await response.text().catch(() => '');
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    }
  }
}
