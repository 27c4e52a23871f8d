import type { Attachment } from '@cc/shared/messaging/model';
import type { ChannelCredentials } from '@cc/shared/messaging/ports';
import { TELEGRAM_API_BASE_URL } from '../messengers/telegram-sender.ts';
import { WHATSAPP_DEFAULT_GRAPH_VERSION, WHATSAPP_GRAPH_BASE_URL } from '../messengers/whatsapp-sender.ts';

/** A provider refused or failed a media call; `retryable` says whether another try may succeed. */
export class MediaFetchError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'MediaFetchError';
  }
}

/** The file's bytes, or word that it is over the limit (nothing past the limit was read). */
export type MediaDownloadResult =
  | { kind: 'bytes'; bytes: Uint8Array; declaredType?: string | undefined }
  | { kind: 'too_large'; sizeBytes?: number | undefined };

/** Where each provider's API is (real or the simulator's fakes) and how long one call may take. */
export interface ProviderMediaOptions {
  telegramBaseUrl?: string;
  whatsappBaseUrl?: string;
  whatsappGraphVersion?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Downloads customers' files from the provider that holds them: one HTTP client for every messenger. */
export class ProviderMediaClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: ProviderMediaOptions = {}) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** @throws MediaFetchError when the provider fails or refuses */
  async download(attachment: Attachment, credentials: ChannelCredentials, maxBytes: number): Promise<MediaDownloadResult> {
    switch (credentials.kind) {
      case 'telegram':
        return this.telegram(attachment.fileRef, credentials.botToken, maxBytes);
      case 'whatsapp':
        return this.whatsapp(attachment.fileRef, credentials.accessToken, maxBytes);
      case 'vk':
      case 'viber':
        // Both put a direct link in the webhook (VK photo/doc url, Viber media); Viber's fileRef is the link itself.
        return this.get(attachment.url ?? attachment.fileRef, {}, maxBytes);
    }
  }

  /** getFile names the file's path (and size); the bytes are under /file/bot<token>/<path>. */
  private async telegram(fileId: string, token: string, maxBytes: number): Promise<MediaDownloadResult> {
    const base = (this.options.telegramBaseUrl ?? TELEGRAM_API_BASE_URL).replace(/\/+$/, '');
    const info = await this.json(`${base}/bot${token}/getFile?file_id=${encodeURIComponent(fileId)}`, {});
    const result = (info as { ok?: boolean; result?: { file_path?: string; file_size?: number }; description?: string });
    if (!result.ok || !result.result?.file_path) {
      // The Bot API answers "file is too big" for files over its download limit.
      if (/too big/i.test(result.description ?? '')) return { kind: 'too_large' };
      throw new MediaFetchError(`getFile: ${result.description ?? 'no file_path'}`, false);
    }
    if (result.result.file_size !== undefined && result.result.file_size > maxBytes) return { kind: 'too_large', sizeBytes: result.result.file_size };
    return this.get(`${base}/file/bot${token}/${result.result.file_path}`, {}, maxBytes);
  }

  /** The media id resolves to a short-lived URL (with size and type); the URL itself needs the token too. */
  private async whatsapp(mediaId: string, token: string, maxBytes: number): Promise<MediaDownloadResult> {
    const base = (this.options.whatsappBaseUrl ?? WHATSAPP_GRAPH_BASE_URL).replace(/\/+$/, '');
    const version = this.options.whatsappGraphVersion ?? WHATSAPP_DEFAULT_GRAPH_VERSION;
    const auth = { authorization: `Bearer ${token}` };
    const info = (await this.json(`${base}/${version}/${encodeURIComponent(mediaId)}`, auth)) as { url?: string; mime_type?: string; file_size?: number };
    if (!info.url) throw new MediaFetchError('media lookup answered without a url', false);
    if (info.file_size !== undefined && info.file_size > maxBytes) return { kind: 'too_large', sizeBytes: info.file_size };
    const result = await this.get(info.url, auth, maxBytes);
    return result.kind === 'bytes' ? { ...result, declaredType: result.declaredType ?? info.mime_type } : result;
  }

  private async json(url: string, headers: Record<string, string>): Promise<unknown> {
    const response = await this.call(url, headers);
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new MediaFetchError(`HTTP ${response.status}: not JSON`, response.status >= 500 || response.status === 429);
    }
  }

  /** Reads the body up to `maxBytes`, stopping (and dropping the connection) as soon as it is over. */
  private async get(url: string, headers: Record<string, string>, maxBytes: number): Promise<MediaDownloadResult> {
    const response = await this.call(url, headers);
    if (!response.ok) {
      await response.body?.cancel();
      throw new MediaFetchError(`download: HTTP ${response.status}`, response.status >= 500 || response.status === 429);
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > maxBytes) {
      await response.body?.cancel();
      return { kind: 'too_large', sizeBytes: length };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return { kind: 'too_large' };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { kind: 'bytes', bytes, declaredType: response.headers.get('content-type') ?? undefined };
  }

  private async call(url: string, headers: Record<string, string>): Promise<Response> {
    try {
      return await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new MediaFetchError(`network: ${(error as Error).message}`, true);
    }
  }
}
