import { maskPhone, maskText } from '../../platform/privacy/mask.js';

/**
 * The SMS gateway behind the notifications module. A real provider (the city's SMS platform, a carrier gateway)
 * implements this and is registered under a name chosen by the SMS_PROVIDER environment variable.
 * `send` resolves with the provider's message id once the provider has accepted the message, and throws on any
 * failure: the delivery job then retries with back-off, so `send` must not retry on its own.
 */
export interface SmsProvider {
  /** Recorded on each message, so the delivery log shows which gateway sent it. */
  readonly name: string;
  send(phone: string, text: string): Promise<{ providerMessageId: string }>;
}

export type SmsProviderFactory = (opts: { demo: boolean; log: (m: string) => void; env: NodeJS.ProcessEnv }) => SmsProvider;

/** Demo codes must be readable in the console; outside demo mode a log line must not disclose codes or numbers. */
const maskCodes = (text: string) => maskText(text).replace(/\d{4,8}/g, (m) => '*'.repeat(m.length));

/** The default: writes the masked phone and the text to the log (full text in demo mode, so OTPs can be used). */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  private seq = 0;
  constructor(private opts: { demo: boolean; log: (m: string) => void }) {}

  async send(phone: string, text: string) {
    const shown = this.opts.demo ? text : maskCodes(text);
    this.opts.log(`[短信] 发送至 ${maskPhone(phone)}：${shown}`);
    return { providerMessageId: `log-${Date.now().toString(36)}-${++this.seq}` };
  }
}

const factories = new Map<string, SmsProviderFactory>([['log', (o) => new LogSmsProvider(o)]]);

/** Lets a deployment plug in its gateway at start-up: `registerSmsProvider('mas', () => new MasProvider(...))`. */
export function registerSmsProvider(name: string, factory: SmsProviderFactory): void {
  factories.set(name, factory);
}

let current: SmsProvider | null = null;

export function createSmsProvider(name: string, opts: Parameters<SmsProviderFactory>[0]): SmsProvider {
  const factory = factories.get(name);
  if (!factory) throw new Error(`SMS_PROVIDER="${name}" is not a registered SMS provider (known: ${[...factories.keys()].join(', ')})`);
  return factory(opts);
}

/** Replaces the provider in this process (tests inject a fake; a deployment may inject its own). */
export function setSmsProvider(provider: SmsProvider): void {
  current = provider;
}

export function getSmsProvider(): SmsProvider {
  if (!current) current = new LogSmsProvider({ demo: false, log: (m) => console.log(`[tongban] ${m}`) });
  return current;
}
